import type { AccessClaims, VitalsList, VitalsReading } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { badRequest, forbidden } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationAccess } from '../consultations/consultation-access';
import type { Outbox } from '../outbox/outbox';
import { VITALS_WRITEBACK, type VitalsWriteback } from './vitals-fhir';

/** Readings may arrive late over a satellite link, but not from after the consultation ended. */
const LATE_SLACK_MS = 60_000;

/**
 * Vital signs kept in the consultation record.
 *
 * Why the field client POSTs a summary (one reading every N seconds) instead of the SFU tapping the
 * `vitals.numbers` data channel with a DirectTransport: the reading then arrives as an
 * authenticated, schema-checked, idempotent HTTP write (client-generated `readingId`) that the
 * field client retries from its own queue when the link drops — so nothing measured during an
 * outage is lost, and a reading is recorded exactly once whatever the room's state (a tap records
 * only while the room is up and would have to re-establish who sent what). The live picture for
 * the expert stays on the data channels.
 */
export class VitalsService {
  constructor(
    private readonly prisma: Prisma,
    private readonly access: ConsultationAccess,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox | null,
  ) {}

  async upload(user: AccessClaims, consultationId: string, readings: VitalsReading[]): Promise<{ stored: number; duplicates: number }> {
    const grant = await this.access.grant(user, consultationId, { allowEnded: true });
    if (grant.participantRole !== 'field_doctor') throw forbidden('Only the field doctor records vital signs');
    const c = await this.prisma.consultation.findUniqueOrThrow({ where: { id: consultationId } });
    if (c.endedAt && readings.some((r) => Date.parse(r.takenAt) > c.endedAt!.getTime() + LATE_SLACK_MS)) {
      throw badRequest('Readings taken after the consultation ended');
    }
    if (readings.some((r) => Date.parse(r.takenAt) > Date.now() + LATE_SLACK_MS)) throw badRequest('Readings from the future');
    const author = await this.prisma.user.findUniqueOrThrow({ where: { id: user.sub }, include: { institution: true } });
    let stored = 0;
    for (const r of readings) {
      const created = await this.prisma.$transaction(async (tx) => {
        const existing = await tx.vitalsReading.findUnique({ where: { readingId: r.readingId } });
        if (existing) return false;
        await tx.vitalsReading.create({
          data: {
            consultationId,
            readingId: r.readingId,
            takenAt: new Date(r.takenAt),
            heartRate: r.heartRate,
            spo2: r.spo2,
            systolic: r.systolic,
            diastolic: r.diastolic,
            respiratoryRate: r.respiratoryRate,
            temperature: r.temperature,
            recordedById: user.sub,
          },
        });
        if (this.outbox) {
          // Queued with the reading itself: it reaches the HIS eventually, once.
          const payload: VitalsWriteback = {
            readingId: r.readingId,
            consultationId,
            hisPatientId: c.hisPatientId,
            takenAt: new Date(r.takenAt).toISOString(),
            recordedBy: `${author.displayName}（${author.institution.name}）`,
            heartRate: r.heartRate,
            spo2: r.spo2,
            systolic: r.systolic,
            diastolic: r.diastolic,
            respiratoryRate: r.respiratoryRate,
            temperature: r.temperature,
          };
          await this.outbox.enqueue(VITALS_WRITEBACK, `vitals:${r.readingId}`, payload, tx);
        }
        return true;
      });
      if (created) stored += 1;
    }
    await this.audit.record({
      action: 'vitals.record',
      outcome: 'ok',
      actorId: user.sub,
      actorRole: user.role,
      institutionId: user.inst,
      consultationId,
      hisPatientId: c.hisPatientId,
      detail: { stored, duplicates: readings.length - stored },
    });
    return { stored, duplicates: readings.length - stored };
  }

  async list(user: AccessClaims, consultationId: string): Promise<VitalsList> {
    const grant = await this.access.grant(user, consultationId, { allowEnded: true });
    const rows = await this.prisma.vitalsReading.findMany({ where: { consultationId }, orderBy: { takenAt: 'asc' }, take: 2000 });
    await this.audit.record({ action: 'vitals.read', outcome: 'ok', actorId: user.sub, actorRole: user.role, institutionId: user.inst, consultationId, hisPatientId: grant.hisPatientId });
    return {
      readings: rows.map((r) => ({
        readingId: r.readingId,
        takenAt: r.takenAt.toISOString(),
        heartRate: r.heartRate,
        spo2: r.spo2,
        systolic: r.systolic,
        diastolic: r.diastolic,
        respiratoryRate: r.respiratoryRate,
        temperature: r.temperature,
        recordedBy: r.recordedById,
      })),
    };
  }
}
