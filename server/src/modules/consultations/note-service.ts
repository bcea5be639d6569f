import crypto from 'node:crypto';
import { z } from 'zod';
import { DiagnosisSchema, icd10, NOTE_REQUIREMENTS, noteMissing, type AccessClaims, type Diagnosis, type NoteFields, type NoteView } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import type { Prisma as Db } from '../../generated/prisma/client';
import { AppError, badRequest, forbidden, incomplete, notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationAccess } from './consultation-access';

const FIELDS = ['chiefComplaint', 'history', 'examination', 'assessment', 'plan'] as const;

type NoteRow = Db.ConsultationNoteGetPayload<{ include: { versions: true } }>;
type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

/** A signed note's content: the five fields and the coded diagnoses. */
export type SignedNoteFields = NoteFields & { diagnoses: Diagnosis[] };

/** What `signWithin` signed: the version to write back to the HIS. */
export interface SignedNote {
  version: number;
  hash: string;
  signedAt: string;
  content: SignedNoteFields;
  /** False when the note had been signed before (nothing new was signed). */
  created: boolean;
}

const DiagnosesSchema = z.array(DiagnosisSchema);
const storedDiagnoses = (v: unknown): Diagnosis[] => DiagnosesSchema.parse(v);

function noteView(n: NoteRow): NoteView {
  const diagnoses = storedDiagnoses(n.diagnoses);
  return {
    chiefComplaint: n.chiefComplaint,
    history: n.history,
    examination: n.examination,
    assessment: n.assessment,
    plan: n.plan,
    diagnoses,
    missing: noteMissing({ ...n, diagnoses }),
    revision: n.revision,
    signed: n.versions.length > 0,
    updatedAt: n.updatedAt.toISOString(),
    versions: n.versions
      .sort((a, b) => a.version - b.version)
      .map((v) => ({ version: v.version, signedAt: v.signedAt.toISOString(), signedById: v.signedById, hash: v.hash })),
  };
}

/** The bundled ICD-10 entries for the codes; a code outside the list is a bad request naming it. */
function resolveCodes(codes: readonly string[]): Diagnosis[] {
  const unknown = codes.filter((c) => !icd10(c));
  if (unknown.length > 0) throw badRequest(`Not in the ICD-10 list: ${unknown.join(', ')}`, { unknownCodes: unknown });
  const out: Diagnosis[] = [];
  for (const e of codes.map((c) => icd10(c))) if (e && !out.some((d) => d.code === e.code)) out.push({ code: e.code, zh: e.zh, en: e.en });
  return out;
}

/** 422 listing what the note still lacks. */
function assertComplete(fields: SignedNoteFields): void {
  const missing = noteMissing(fields);
  if (missing.length === 0) return;
  throw incomplete(
    `病历不完整，缺少${missing.map((m) => NOTE_REQUIREMENTS[m].zh).join('、')}。The note is missing: ${missing.map((m) => NOTE_REQUIREMENTS[m].en).join(', ')}.`,
    missing,
  );
}

/** Canonical JSON (sorted keys) so the hash of a version is reproducible by any verifier. */
export function canonicalNote(fields: SignedNoteFields, meta: { consultationId: string; version: number; signedById: string; previousHash: string | null }): string {
  const obj: Record<string, unknown> = { ...meta, diagnoses: fields.diagnoses.map((d) => d.code) };
  for (const f of FIELDS) obj[f] = fields[f];
  return JSON.stringify(Object.fromEntries(Object.entries(obj).sort(([a], [b]) => a.localeCompare(b))));
}

/**
 * The consultation note (chief complaint, history, examination, assessment with coded diagnoses,
 * plan). Drafts autosave with optimistic concurrency (`baseRevision`); signing freezes a version whose
 * hash chains to the previous one and needs a complete note; later changes are amendments.
 */
export class NoteService {
  constructor(
    private readonly prisma: Prisma,
    private readonly access: ConsultationAccess,
    private readonly audit: AuditLog,
  ) {}

  async get(user: AccessClaims, consultationId: string): Promise<NoteView> {
    await this.access.grant(user, consultationId, { allowEnded: true, purpose: 'note' });
    return noteView(await this.load(consultationId));
  }

  async save(user: AccessClaims, consultationId: string, change: Partial<NoteFields> & { baseRevision: number; diagnoses?: string[] | undefined }): Promise<NoteView> {
    // Allowed on an ended consultation only to be told precisely why not (the note is signed).
    await this.assertExpert(user, consultationId, true);
    const note = await this.load(consultationId);
    if (note.versions.length > 0) throw new AppError('invalid_state', 'The note is signed; amend it instead');
    const data: Partial<NoteFields> & { diagnoses?: Diagnosis[] } = {};
    for (const f of FIELDS) if (change[f] !== undefined) data[f] = change[f];
    if (change.diagnoses !== undefined) data.diagnoses = resolveCodes(change.diagnoses);
    const updated = await this.prisma.consultationNote.updateMany({
      where: { id: note.id, revision: change.baseRevision },
      data: { ...data, revision: { increment: 1 } },
    });
    if (updated.count !== 1) {
      throw new AppError('revision_conflict', 'The note was changed elsewhere; reload it', { currentRevision: note.revision });
    }
    return noteView(await this.load(consultationId));
  }

  /**
   * Signs the current draft as version 1 inside the caller's transaction (ending the consultation),
   * or returns the version already signed. An incomplete note is a 422 and the transaction rolls back.
   */
  async signWithin(tx: Tx, user: AccessClaims, consultationId: string): Promise<SignedNote> {
    const note = await tx.consultationNote.findUnique({ where: { consultationId }, include: { versions: true } });
    if (!note) {
      assertComplete({ chiefComplaint: '', history: '', examination: '', assessment: '', plan: '', diagnoses: [] });
      throw notFound('Consultation note');
    }
    const fields: SignedNoteFields = { ...pickFields(note), diagnoses: storedDiagnoses(note.diagnoses) };
    const last = [...note.versions].sort((a, b) => b.version - a.version)[0];
    if (last) return { version: last.version, hash: last.hash, signedAt: last.signedAt.toISOString(), content: fields, created: false };
    assertComplete(fields);
    const v = await this.addVersion(tx, user, note, fields, null);
    return { ...v, content: fields, created: true };
  }

  /** Audit of a signature made by `signWithin`, once its transaction has committed. */
  async recordSigned(user: AccessClaims, consultationId: string, signed: SignedNote): Promise<void> {
    if (!signed.created) return;
    await this.audit.record({ action: 'note.sign', outcome: 'ok', actorId: user.sub, actorRole: user.role, consultationId, entityType: 'NoteVersion', detail: { version: signed.version } });
  }

  /** After signing, a change is a new version with a reason; earlier versions stay as they were. */
  async amend(user: AccessClaims, consultationId: string, change: NoteFields & { diagnoses: string[] }, reason: string): Promise<NoteView> {
    await this.assertExpert(user, consultationId, true);
    const note = await this.load(consultationId);
    if (note.versions.length === 0) throw new AppError('invalid_state', 'The note is not signed yet; edit the draft');
    const fields: SignedNoteFields = { ...pickFields(change), diagnoses: resolveCodes(change.diagnoses) };
    assertComplete(fields);
    const v = await this.prisma.$transaction(async (tx) => {
      const added = await this.addVersion(tx, user, note, fields, reason);
      await tx.consultationNote.update({ where: { id: note.id }, data: { ...fields, revision: { increment: 1 } } });
      return added;
    });
    await this.audit.record({ action: 'note.amend', outcome: 'ok', actorId: user.sub, actorRole: user.role, consultationId, entityType: 'NoteVersion', detail: { version: v.version } });
    return noteView(await this.load(consultationId));
  }

  private async addVersion(tx: Tx, user: AccessClaims, note: NoteRow, fields: SignedNoteFields, reason: string | null) {
    const last = [...note.versions].sort((a, b) => b.version - a.version)[0];
    const version = (last?.version ?? 0) + 1;
    const canonical = canonicalNote(fields, { consultationId: note.consultationId, version, signedById: user.sub, previousHash: last?.hash ?? null });
    const hash = crypto.createHash('sha256').update(canonical).digest('hex');
    const content: Record<string, unknown> = { diagnoses: fields.diagnoses };
    for (const f of FIELDS) content[f] = fields[f];
    if (reason) content['amendmentReason'] = reason;
    const row = await tx.noteVersion.create({ data: { noteId: note.id, version, content: content as Db.InputJsonObject, hash, signedById: user.sub } });
    return { version, hash, signedAt: row.signedAt.toISOString() };
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

function pickFields(n: NoteFields): NoteFields {
  return { chiefComplaint: n.chiefComplaint, history: n.history, examination: n.examination, assessment: n.assessment, plan: n.plan };
}
