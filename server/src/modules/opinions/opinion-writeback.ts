import crypto from 'node:crypto';
import { SignedOpinionPayloadSchema, type SignedOpinionPayload } from '@cloudclinic/shared';
import { z } from 'zod';
import type { Prisma } from '../../db/database';
import type { HisClient } from '../../integrations/his';
import type { Outbox } from '../outbox/outbox';
import { toGeneralJws } from '../signatures/general-jws';

export const OPINION_WRITEBACK = 'mdt.his.opinion';
export const OPINION_IDENTIFIER_SYSTEM = 'urn:cloudclinic:mdt-opinion';

const JobSchema = z.object({
  opinionId: z.string(),
  identifier: z.string(),
  document: z.looseObject({ resourceType: z.literal('DocumentReference') }),
});

function text(p: SignedOpinionPayload): string {
  const lines = [
    `【会诊所见】${p.findings}`,
    `【诊断】${p.diagnoses.map((d) => `${d.zh}（${d.code}）`).join('；')}`,
    `【治疗建议】${p.treatment}`,
    ...p.dissent.map((d) => `【不同意见】${d.name}：${d.text}`),
    `【会诊专家】${p.signers.map((s) => `${s.name}（${s.institution}）`).join('、')}`,
  ];
  return lines.join('\n');
}

/** The final joint opinion as a FHIR R4 DocumentReference: readable text and the multi-signed JWS (JSON general serialization). */
export function opinionDocumentReference(p: SignedOpinionPayload, canonical: string, compact: readonly string[], finalAt: Date) {
  const readable = Buffer.from(text(p), 'utf8');
  const signed = Buffer.from(JSON.stringify(toGeneralJws(canonical, compact)), 'utf8');
  const identifier = `${p.consultationId}/v${p.version}`;
  return {
    resourceType: 'DocumentReference' as const,
    status: 'current',
    docStatus: 'final',
    identifier: [{ system: OPINION_IDENTIFIER_SYSTEM, value: identifier }],
    type: { coding: [{ system: 'http://loinc.org', code: '11488-4', display: 'Consult note' }], text: '多学科会诊意见' },
    category: [{ coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', code: 'clinical-note', display: 'Clinical Note' }] }],
    subject: { reference: `Patient/${p.patient.hisPatientId}` },
    date: finalAt.toISOString(),
    author: p.signers.map((s) => ({ display: `${s.name}（${s.institution}）` })),
    description: `多学科会诊意见 第${p.version}版`,
    ...(p.previousHash ? { relatesTo: [{ code: 'replaces', target: { identifier: { system: OPINION_IDENTIFIER_SYSTEM, value: `${p.consultationId}/v${p.version - 1}` } } }] } : {}),
    content: [
      { attachment: { contentType: 'text/plain; charset=utf-8', language: 'zh-CN', data: readable.toString('base64'), hash: sha1(readable), title: '多学科会诊意见', creation: finalAt.toISOString() } },
      { attachment: { contentType: 'application/jose+json', data: signed.toString('base64'), hash: sha1(signed), title: 'signatures', creation: finalAt.toISOString() } },
    ],
  };
}

const sha1 = (b: Buffer) => crypto.createHash('sha1').update(b).digest('base64');

/** The outbox job for a final version (built inside the transaction that makes it final). */
export async function opinionWritebackJob(tx: Pick<Prisma, 'jointOpinion'>, id: string) {
  const op = await tx.jointOpinion.findUniqueOrThrow({ where: { id }, include: { signatures: { orderBy: { signedAt: 'asc' } } } });
  const canonical = op.canonical ?? '';
  const payload = SignedOpinionPayloadSchema.parse(JSON.parse(canonical));
  const document = opinionDocumentReference(payload, canonical, op.signatures.map((s) => s.jws), op.finalAt ?? new Date());
  const identifier = `${op.consultationId}/v${op.version}`;
  return { kind: OPINION_WRITEBACK, dedupeKey: `${OPINION_WRITEBACK}:${op.id}`, payload: { opinionId: op.id, identifier, document } };
}

/** Delivery: the conditional create on our identifier makes a repeated delivery land once. */
export function registerOpinionWriteback(outbox: Outbox, his: HisClient): void {
  outbox.on(OPINION_WRITEBACK, async (payload) => {
    const job = JobSchema.parse(payload);
    await his.create(job.document, { ifNoneExist: `identifier=${OPINION_IDENTIFIER_SYSTEM}|${job.identifier}` });
  });
}
