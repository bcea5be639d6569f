import type { AccessClaims, JointOpinionView } from '@cloudclinic/shared';
import { AppError, forbidden, invalidState } from '../../lib/errors';
import { isUniqueViolation } from '../prescriptions/idempotency';
import type { Outbox } from '../outbox/outbox';
import { signCanonical } from '../signatures/jws';
import type { SignerUnlock } from '../signatures/signer-unlock';
import { storedIds } from './diagnoses';
import type { OpinionAccess } from './opinion-access';
import { OPINION_JWS_TYPE } from './opinion-document';
import type { OpinionRecords } from './opinion-records';
import { opinionWritebackJob } from './opinion-writeback';
import { jointView, peopleOf } from './views';

/**
 * Signing of a frozen joint opinion by every required expert (any order, once each), and the county
 * doctor's acknowledgement of the final one. The last signature makes the version final and queues
 * it for the county HIS in the same transaction.
 */
export class OpinionSigning {
  constructor(
    private readonly records: OpinionRecords,
    private readonly access: OpinionAccess,
    private readonly unlock: SignerUnlock,
    private readonly outbox: Outbox,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get prisma() {
    return this.records.prisma;
  }

  async sign(user: AccessClaims, id: string, password: string): Promise<JointOpinionView> {
    const op = await this.records.load(id);
    const party = await this.access.expert(user, op.consultationId);
    if (!storedIds(op.requiredSigners).includes(user.sub)) throw forbidden('You are not one of the experts who sign this opinion');
    if (op.status !== 'signing' || op.canonical === null) throw invalidState(`This opinion is ${op.status}; it cannot be signed`);
    if (op.signatures.some((s) => s.signerId === user.sub)) throw new AppError('conflict', 'You have already signed this opinion');
    const key = await this.unlock.unlock(user, password, 'opinion.sign', { type: 'JointOpinion', id, consultationId: op.consultationId });
    const canonical = op.canonical;
    const jws = await signCanonical(canonical, key, OPINION_JWS_TYPE);
    const now = this.now();
    let final = false;
    try {
      final = await this.prisma.$transaction(async (tx) => {
        // Signatures of one opinion are serialised, so the last of two simultaneous ones sees both.
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`mdt-opinion:${id}`}))::text`;
        const fresh = await tx.jointOpinion.findUniqueOrThrow({ where: { id } });
        if (fresh.status !== 'signing' || fresh.canonical !== canonical) throw invalidState(`This opinion is ${fresh.status}; it cannot be signed`);
        await tx.opinionSignature.create({ data: { opinionId: id, signerId: user.sub, kid: key.kid, jws, signedAt: now } });
        const signed = await tx.opinionSignature.count({ where: { opinionId: id } });
        if (signed < storedIds(fresh.requiredSigners).length) return false;
        await tx.jointOpinion.update({ where: { id }, data: { status: 'final', finalAt: now } });
        const job = await opinionWritebackJob(tx, id);
        await this.outbox.enqueue(job.kind, job.dedupeKey, job.payload, tx);
        return true;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('conflict', 'You have already signed this opinion');
      throw err;
    }
    await this.records.record(user, 'opinion.sign', op.consultationId, id, 'ok', { version: op.version, kid: key.kid, final });
    return jointView(await this.records.load(id), peopleOf(party.experts));
  }

  /** The patient's county doctor confirms receipt of the final opinion; a second time changes nothing. */
  async acknowledge(user: AccessClaims, id: string): Promise<JointOpinionView> {
    const op = await this.records.load(id);
    const party = await this.access.party(user, op.consultationId);
    if (party.grant.participantRole !== 'local_doctor') throw forbidden('The patient’s county doctor acknowledges the opinion');
    if (op.status !== 'final') throw invalidState('Only a final opinion is acknowledged');
    const moved = await this.prisma.jointOpinion.updateMany({ where: { id, status: 'final', acknowledgedAt: null }, data: { acknowledgedById: user.sub, acknowledgedAt: this.now() } });
    if (moved.count === 1) await this.records.record(user, 'opinion.acknowledge', op.consultationId, id, 'ok', { version: op.version });
    const row = await this.records.load(id);
    const people = peopleOf(party.experts);
    if (row.acknowledgedById) {
      const who = await this.prisma.user.findUnique({ where: { id: row.acknowledgedById }, include: { institution: true } });
      if (who) people.set(who.id, { name: who.displayName, institution: who.institution.name });
    }
    return jointView(row, people);
  }
}
