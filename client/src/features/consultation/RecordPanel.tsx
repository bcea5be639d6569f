import { RecordPanel as HisRecord } from '../record/RecordPanel';

/** The patient's county-HIS record (visits, diagnoses, labs, EMR) beside the video (features/record). */
export function RecordPanel({ consultationId }: { consultationId: string }) {
  return <HisRecord consultationId={consultationId} />;
}
