import crypto from 'node:crypto';
import { ATTACHMENT_MAX_BYTES, type AccessClaims, type AttachmentView } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, badRequest, forbidden, notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationAccess } from '../consultations/consultation-access';

type Mime = AttachmentView['mime'];
type Kind = AttachmentView['kind'];

/** Magic numbers: the declared type must match what the bytes are. */
const SIGNATURES: Record<Mime, number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

const MAX_PER_CONSULTATION = 200;

/**
 * Files kept with the consultation record (snapshots of the marked field video). Any participant
 * of the consultation may add one while it is live (patients' kiosks excepted) and read them
 * afterwards; every write and read is audited.
 */
export class AttachmentService {
  constructor(
    private readonly prisma: Prisma,
    private readonly access: ConsultationAccess,
    private readonly audit: AuditLog,
  ) {}

  async upload(user: AccessClaims, consultationId: string, kind: Kind, mime: Mime, bytes: Buffer): Promise<AttachmentView> {
    const grant = await this.access.grant(user, consultationId);
    if (grant.participantRole === 'patient_kiosk' || grant.participantRole === 'observer') throw forbidden('You may not add to this consultation’s record');
    if (bytes.length === 0) throw badRequest('Empty attachment');
    if (bytes.length > ATTACHMENT_MAX_BYTES) throw new AppError('payload_too_large', `Attachments are limited to ${ATTACHMENT_MAX_BYTES} bytes`);
    const signature = SIGNATURES[mime];
    if (!signature.every((b, i) => bytes[i] === b)) throw badRequest(`The content is not ${mime}`);
    const count = await this.prisma.consultationAttachment.count({ where: { consultationId } });
    if (count >= MAX_PER_CONSULTATION) throw new AppError('conflict', 'This consultation has too many attachments');
    const row = await this.prisma.consultationAttachment.create({
      data: { consultationId, kind, mime, bytes: new Uint8Array(bytes), size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), createdById: user.sub },
    });
    await this.audit.record({
      action: 'attachment.create',
      outcome: 'ok',
      actorId: user.sub,
      actorRole: user.role,
      institutionId: user.inst,
      consultationId,
      hisPatientId: grant.hisPatientId,
      entityType: 'ConsultationAttachment',
      entityId: row.id,
      detail: { kind, mime, size: bytes.length },
    });
    const author = await this.prisma.user.findUniqueOrThrow({ where: { id: user.sub } });
    return view(row, author.displayName);
  }

  async list(user: AccessClaims, consultationId: string): Promise<AttachmentView[]> {
    await this.access.grant(user, consultationId, { allowEnded: true });
    const rows = await this.prisma.consultationAttachment.findMany({
      where: { consultationId },
      select: { id: true, consultationId: true, kind: true, mime: true, size: true, createdById: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    });
    const authors = await this.prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, displayName: true } });
    const names = new Map(authors.map((a) => [a.id, a.displayName]));
    return rows.map((r) => view(r, names.get(r.createdById) ?? ''));
  }

  async read(user: AccessClaims, consultationId: string, attachmentId: string): Promise<{ mime: string; bytes: Buffer }> {
    const grant = await this.access.grant(user, consultationId, { allowEnded: true });
    const row = await this.prisma.consultationAttachment.findFirst({ where: { id: attachmentId, consultationId } });
    if (!row) throw notFound('Attachment');
    await this.audit.record({
      action: 'attachment.read',
      outcome: 'ok',
      actorId: user.sub,
      actorRole: user.role,
      institutionId: user.inst,
      consultationId,
      hisPatientId: grant.hisPatientId,
      entityType: 'ConsultationAttachment',
      entityId: row.id,
    });
    return { mime: row.mime, bytes: Buffer.from(row.bytes) };
  }
}

function view(
  r: { id: string; consultationId: string; kind: Kind; mime: string; size: number; createdById: string; createdAt: Date },
  displayName: string,
): AttachmentView {
  return {
    id: r.id,
    consultationId: r.consultationId,
    kind: r.kind,
    mime: r.mime === 'image/png' ? 'image/png' : 'image/jpeg',
    size: r.size,
    createdBy: { id: r.createdById, displayName },
    createdAt: r.createdAt.toISOString(),
  };
}
