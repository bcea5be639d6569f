import crypto from 'node:crypto';
import { z } from 'zod';
import type { HisClient } from '../../integrations/his';
import type { Outbox } from '../outbox/outbox';

export const NOTE_WRITEBACK = 'his.note.documentReference';
export const NOTE_IDENTIFIER_SYSTEM = 'urn:cloudclinic:consultation-note';

const LABELS: Record<string, string> = {
  chiefComplaint: '主诉',
  history: '现病史',
  examination: '体格检查',
  assessment: '诊断评估',
  plan: '处理意见',
};

export const NoteWritebackSchema = z.object({
  consultationId: z.string(),
  hisPatientId: z.string(),
  version: z.number().int(),
  hash: z.string(),
  signedAt: z.string(),
  authorName: z.string(),
  authorInstitution: z.string(),
  content: z.record(z.string(), z.string()),
});
export type NoteWriteback = z.infer<typeof NoteWritebackSchema>;

/** The signed note as a FHIR R4 DocumentReference for the county HIS. */
export function noteDocumentReference(n: NoteWriteback) {
  const text = Object.entries(LABELS)
    .map(([k, label]) => `【${label}】${n.content[k] ?? ''}`)
    .join('\n');
  const data = Buffer.from(text, 'utf8');
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    docStatus: 'final',
    identifier: [{ system: NOTE_IDENTIFIER_SYSTEM, value: `${n.consultationId}/v${n.version}` }],
    type: { coding: [{ system: 'http://loinc.org', code: '11488-4', display: 'Consult note' }], text: '远程会诊记录' },
    category: [{ coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', code: 'clinical-note', display: 'Clinical Note' }] }],
    subject: { reference: `Patient/${n.hisPatientId}` },
    date: n.signedAt,
    author: [{ display: `${n.authorName}（${n.authorInstitution}）` }],
    description: `云门诊会诊记录 第${n.version}版`,
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          language: 'zh-CN',
          data: data.toString('base64'),
          hash: crypto.createHash('sha1').update(data).digest('base64'),
          title: '远程会诊记录',
          creation: n.signedAt,
        },
      },
    ],
  };
}

/**
 * Delivery of signed notes to the HIS: retried by the outbox until it lands; the conditional create
 * on the note's identifier makes a repeated delivery return the existing document instead of a copy.
 */
export function registerNoteWriteback(outbox: Outbox, his: HisClient): void {
  outbox.on(NOTE_WRITEBACK, async (payload) => {
    const note = NoteWritebackSchema.parse(payload);
    const doc = noteDocumentReference(note);
    await his.create(doc, { ifNoneExist: `identifier=${NOTE_IDENTIFIER_SYSTEM}|${note.consultationId}/v${note.version}` });
  });
}
