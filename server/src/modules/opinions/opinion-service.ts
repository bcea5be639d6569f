import type { AccessClaims, ConsultationOpinions, ExpertOpinionView, JointOpinionView, SaveExpertOpinionBody, SaveJointOpinionBody } from '@cloudclinic/shared';
import { AppError, badRequest, incomplete, invalidState } from '../../lib/errors';
import { resolveCodes, storedDiagnoses, storedDissent } from './diagnoses';
import type { OpinionAccess, OpinionParty } from './opinion-access';
import { frozenDocument, opinionPayload } from './opinion-document';
import type { OpinionRecords } from './opinion-records';
import { jointView, peopleOf, type JointOpinionRow } from './views';

const FROZEN = 'This version is frozen for signature or final; changes need an amendment';

/**
 * 会诊意见: each expert's own opinion, and the joint opinion the chair compiles, submits for
 * signature (the version is frozen) and amends (a new version, the previous one superseded).
 */
export class OpinionService {
  constructor(
    private readonly records: OpinionRecords,
    private readonly access: OpinionAccess,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get prisma() {
    return this.records.prisma;
  }

  async list(user: AccessClaims, consultationId: string): Promise<ConsultationOpinions> {
    const party = await this.access.party(user, consultationId);
    const people = peopleOf(party.experts);
    const [own, versions] = await Promise.all([
      party.isExpert ? this.prisma.expertOpinion.findMany({ where: { consultationId }, orderBy: { updatedAt: 'asc' } }) : [],
      this.prisma.jointOpinion.findMany({ where: { consultationId }, orderBy: { version: 'desc' }, include: { signatures: true } }),
    ]);
    const ackers = await this.prisma.user.findMany({ where: { id: { in: versions.flatMap((v) => (v.acknowledgedById ? [v.acknowledgedById] : [])) } }, include: { institution: true } });
    for (const a of ackers) people.set(a.id, { name: a.displayName, institution: a.institution.name });
    const visible = party.isExpert ? versions : versions.filter((v) => v.finalAt !== null);
    return {
      chairId: party.chairId,
      experts: party.experts.map(({ id, name, institution }) => ({ id, name, institution })),
      opinions: own.map((o) => ({ authorId: o.authorId, authorName: people.get(o.authorId)?.name ?? '', text: o.text, diagnoses: storedDiagnoses(o.diagnoses), updatedAt: o.updatedAt.toISOString() })),
      versions: visible.map((v) => jointView(v, people)),
    };
  }

  async saveMine(user: AccessClaims, consultationId: string, body: SaveExpertOpinionBody): Promise<ExpertOpinionView> {
    const party = await this.access.expert(user, consultationId);
    const diagnoses = resolveCodes(body.diagnoses);
    const row = await this.prisma.expertOpinion.upsert({
      where: { consultationId_authorId: { consultationId, authorId: user.sub } },
      update: { text: body.text, diagnoses },
      create: { consultationId, authorId: user.sub, text: body.text, diagnoses },
    });
    await this.records.record(user, 'opinion.own.save', consultationId, row.id, 'ok');
    const me = party.experts.find((e) => e.id === user.sub);
    return { authorId: user.sub, authorName: me?.name ?? '', text: row.text, diagnoses, updatedAt: row.updatedAt.toISOString() };
  }

  /** The chair's draft; the first save creates version 1 (revision 0 expected). */
  async saveDraft(user: AccessClaims, consultationId: string, body: SaveJointOpinionBody): Promise<JointOpinionView> {
    const party = await this.access.chair(user, consultationId);
    const expertIds = new Set(party.experts.map((e) => e.id));
    const stranger = body.dissent.find((d) => !expertIds.has(d.expertId));
    if (stranger) throw badRequest('A dissent must name an expert of this consultation', { expertId: stranger.expertId });
    const data = { findings: body.findings, diagnoses: resolveCodes(body.diagnoses), treatment: body.treatment, dissent: body.dissent };
    const current = await this.records.latest(consultationId);
    let id: string;
    if (!current) {
      if (body.revision !== 0) throw new AppError('revision_conflict', 'The opinion changed meanwhile; reload it');
      id = (await this.prisma.jointOpinion.create({ data: { consultationId, version: 1, chairId: user.sub, revision: 1, ...data } })).id;
    } else {
      if (current.status !== 'draft') throw invalidState(FROZEN);
      const moved = await this.prisma.jointOpinion.updateMany({ where: { id: current.id, status: 'draft', revision: body.revision }, data: { ...data, revision: { increment: 1 } } });
      if (moved.count !== 1) throw new AppError('revision_conflict', 'The opinion changed meanwhile; reload it');
      id = current.id;
    }
    await this.records.record(user, 'opinion.draft.save', consultationId, id, 'ok');
    return this.view(id, party);
  }

  /** Freezes the draft: its canonical document is fixed and every expert participant must sign it. */
  async submit(user: AccessClaims, consultationId: string): Promise<JointOpinionView> {
    const party = await this.access.chair(user, consultationId);
    const current = await this.records.latest(consultationId);
    if (!current) throw incomplete('There is no joint opinion to submit', ['findings']);
    if (current.status !== 'draft') throw invalidState('Only a draft can be submitted for signature');
    const missing = [!current.findings.trim() && 'findings', !current.treatment.trim() && 'treatment'].filter((m): m is string => Boolean(m));
    if (missing.length > 0) throw incomplete('The joint opinion needs findings and a recommended treatment', missing);
    const [consultation, previous] = await Promise.all([
      this.prisma.consultation.findUniqueOrThrow({ where: { id: consultationId }, include: { institution: true } }),
      this.prisma.jointOpinion.findFirst({ where: { consultationId, version: current.version - 1 } }),
    ]);
    const now = this.now();
    const payload = opinionPayload(current, { hisPatientId: consultation.hisPatientId, institution: consultation.institution.name, previousHash: previous?.payloadHash ?? null, experts: party.experts, createdAt: now });
    const { canonical, payloadHash } = frozenDocument(payload);
    const moved = await this.prisma.jointOpinion.updateMany({
      where: { id: current.id, status: 'draft', revision: current.revision },
      data: { status: 'signing', canonical, payloadHash, requiredSigners: party.experts.map((e) => e.id), submittedAt: now },
    });
    if (moved.count !== 1) throw new AppError('revision_conflict', 'The opinion changed meanwhile; reload it and submit again');
    await this.records.record(user, 'opinion.submit', consultationId, current.id, 'ok', { version: current.version, signers: party.experts.length });
    return this.view(current.id, party);
  }

  /** A change after submission: a new draft version from the current one, which is superseded. */
  async amend(user: AccessClaims, consultationId: string): Promise<JointOpinionView> {
    const party = await this.access.chair(user, consultationId);
    const current = await this.records.latest(consultationId);
    if (!current || (current.status !== 'signing' && current.status !== 'final')) throw invalidState('Only a submitted or final opinion is amended; edit the draft instead');
    const next = await this.prisma.$transaction(async (tx) => {
      const moved = await tx.jointOpinion.updateMany({ where: { id: current.id, status: current.status }, data: { status: 'superseded', supersededAt: this.now() } });
      if (moved.count !== 1) throw invalidState('The opinion changed meanwhile; reload it');
      return tx.jointOpinion.create({
        data: { consultationId, version: current.version + 1, chairId: user.sub, revision: 1, findings: current.findings, diagnoses: storedDiagnoses(current.diagnoses), treatment: current.treatment, dissent: storedDissent(current.dissent) },
      });
    });
    await this.records.record(user, 'opinion.amend', consultationId, next.id, 'ok', { version: next.version, supersedes: current.id });
    return this.view(next.id, party);
  }

  private async view(id: string, party: OpinionParty): Promise<JointOpinionView> {
    const row: JointOpinionRow = await this.records.load(id);
    return jointView(row, peopleOf(party.experts));
  }
}
