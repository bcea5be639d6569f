import { clinicDate, recognitionCategory, recognitionOn, recognizedUntil, resultDay, type ReferralResult } from '@cloudclinic/shared';
import type { RequestAttachments } from '../consultations/request-attachments';

export interface ResultRow {
  position: number;
  kind: 'study' | 'report';
  ref: string;
  title: string;
  resultDate: string | null;
  validUntil: string | null;
}

/**
 * The results a referral carries: each study and report is checked to be this patient's (PACS and
 * HIS), then stored with the day it was produced and the last day it is accepted under 互认.
 */
export async function referralResults(attachments: RequestAttachments, hisPatientId: string, studyUids: readonly string[], reportIds: readonly string[]): Promise<ResultRow[]> {
  if (studyUids.length === 0 && reportIds.length === 0) return [];
  await attachments.verify(hisPatientId, studyUids, reportIds);
  const known = await attachments.list(hisPatientId);
  const studies = studyUids.map((uid) => {
    const s = known.studies.find((x) => x.studyUid === uid);
    const day = resultDay(s?.date ?? null);
    const title = [s?.modalities.join('/'), s?.description].filter(Boolean).join(' · ') || uid;
    return { kind: 'study' as const, ref: uid, title, resultDate: day, validUntil: recognizedUntil(recognitionCategory({ modalities: s?.modalities ?? [] }), day) };
  });
  const reports = reportIds.map((id) => {
    const r = known.reports.find((x) => x.id === id);
    const day = resultDay(r?.date ?? null);
    return { kind: 'report' as const, ref: id, title: r?.title ?? id, resultDate: day, validUntil: recognizedUntil(recognitionCategory({ section: r?.section ?? null }), day) };
  });
  return [...studies, ...reports].map((row, position) => ({ ...row, position }));
}

/** A stored result as its view: recognized while today (clinic time) is inside its window. */
export function resultView(row: ResultRow, now: Date): ReferralResult {
  return { kind: row.kind, ref: row.ref, title: row.title, date: row.resultDate, validUntil: row.validUntil, recognition: recognitionOn(row.validUntil, clinicDate(now)) };
}
