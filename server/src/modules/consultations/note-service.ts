import crypto from 'node:crypto';
import type { AccessClaims, NoteFields, NoteView } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import type { Prisma as Db } from '../../generated/prisma/client';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationAccess } from './consultation-access';

const FIELDS = ['chiefComplaint', 'history', 'examination', 'assessment', 'plan'] as const;

type NoteRow = Db.ConsultationNoteGetPayload<{ include: { versions: true } }>;

function noteView(n: NoteRow): NoteView {
  return {
    chiefComplaint: n.chiefComplaint,
    history: n.history,
    examination: n.examination,
    assessment: n.assessment,
    plan: n.plan,
    revision: n.revision,
    signed: n.versions.length > 0,
    updatedAt: n.updatedAt.toISOString(),
    versions: n.versions
      .sort((a, b) => a.version - b.version)
      .map((v) => ({ version: v.version, signedAt: v.signedAt.toISOString(), signedById: v.signedById, hash: v.hash })),
  };
}

/** Canonical JSON (sorted keys) so the hash of a version is reproducible by any verifier. */
export function canonicalNote(fields: NoteFields, meta: { consultationId: string; version: number; signedById: string; previousHash: string | null }): string {
  const obj: Record<string, unknown> = { ...meta };
  for (const f of FIELDS) obj[f] = fields[f];
  return JSON.stringify(Object.fromEntries(Object.entries(obj).sort(([a], [b]) => a.localeCompare(b))));
}

/**
 * The consultation note (chief complaint, history, examination, assessment, plan).
 * Drafts autosave with optimistic concurrency (`baseRevision`); signing freezes a version whose
 * hash chains to the previous one; later changes are amendments that add versions.
 */
export class NoteService {
  constructor(
    private readonly prisma: Prisma,
    private readonly access: ConsultationAccess,
    private readonly audit: AuditLog,
  ) {}

  async get(user: AccessClaims, consultationId: string): Promise<NoteView> {
    await this.access.grant(user, consultationId, { allowEnded: true });
    return noteView(await this.load(consultationId));
  }

  async save(user: AccessClaims, consultationId: string, change: Partial<NoteFields> & { baseRevision: number }): Promise<NoteView> {
    // Allowed on an ended consultation only to be told precisely why not (the note is signed).
    await this.assertExpert(user, consultationId, true);
    const note = await this.load(consultationId);
    if (note.versions.length > 0) throw new AppError('invalid_state', 'The note is signed; amend it instead');
    const data: Partial<NoteFields> = {};
    for (const f of FIELDS) if (change[f] !== undefined) data[f] = change[f];
    const updated = await this.prisma.consultationNote.updateMany({
      where: { id: note.id, revision: change.baseRevision },
      data: { ...data, revision: { increment: 1 } },
    });
    if (updated.count !== 1) {
      throw new AppError('revision_conflict', 'The note was changed elsewhere; reload it', { currentRevision: note.revision });
    }
    return noteView(await this.load(consultationId));
  }

  /** Sign the current draft as version 1 (used when the consultation ends). */
  async sign(user: AccessClaims, consultationId: string): Promise<NoteView> {
    const note = await this.load(consultationId);
    if (note.versions.length > 0) return noteView(note);
    await this.addVersion(user, note, note, null);
    return noteView(await this.load(consultationId));
  }

  /** After signing, a change is a new version with a reason; earlier versions stay as they were. */
  async amend(user: AccessClaims, consultationId: string, fields: NoteFields, reason: string): Promise<NoteView> {
    await this.assertExpert(user, consultationId, true);
    const note = await this.load(consultationId);
    if (note.versions.length === 0) throw new AppError('invalid_state', 'The note is not signed yet; edit the draft');
    await this.addVersion(user, note, fields, reason);
    await this.prisma.consultationNote.update({ where: { id: note.id }, data: { ...fields, revision: { increment: 1 } } });
    return noteView(await this.load(consultationId));
  }

  private async addVersion(user: AccessClaims, note: NoteRow, fields: NoteFields, reason: string | null): Promise<void> {
    const last = note.versions.sort((a, b) => b.version - a.version)[0];
    const version = (last?.version ?? 0) + 1;
    const canonical = canonicalNote(fields, { consultationId: note.consultationId, version, signedById: user.sub, previousHash: last?.hash ?? null });
    const hash = crypto.createHash('sha256').update(canonical).digest('hex');
    const content: Record<string, string> = {};
    for (const f of FIELDS) content[f] = fields[f];
    if (reason) content['amendmentReason'] = reason;
    await this.prisma.noteVersion.create({ data: { noteId: note.id, version, content, hash, signedById: user.sub } });
    await this.audit.record({ action: version === 1 ? 'note.sign' : 'note.amend', outcome: 'ok', actorId: user.sub, actorRole: user.role, consultationId: note.consultationId, entityType: 'NoteVersion', detail: { version } });
  }

  private async assertExpert(user: AccessClaims, consultationId: string, allowEnded = false): Promise<void> {
    const grant = await this.access.grant(user, consultationId, { allowEnded });
    if (grant.participantRole !== 'expert') throw forbidden('Only the consultation’s expert writes the note');
  }

  private async load(consultationId: string): Promise<NoteRow> {
    const existing = await this.prisma.consultationNote.findUnique({ where: { consultationId }, include: { versions: true } });
    if (existing) return existing;
    const c = await this.prisma.consultation.findUnique({ where: { id: consultationId } });
    if (!c) throw notFound('Consultation');
    return this.prisma.consultationNote.upsert({ where: { consultationId }, update: {}, create: { consultationId }, include: { versions: true } });
  }
}
