import { z } from 'zod';
import type { RecordPartFailure, RecordResponse } from '../../api/record-api';
import {
  allergyItems,
  currentMedications,
  documentItems,
  imagingItems,
  problemLists,
  reportItems,
  type AllergyItem,
  type DocumentItem,
  type ImagingItem,
  type MedicationItem,
  type ProblemItem,
  type ReportItem,
} from './clinical-lists';
import {
  AllergySchema,
  ConditionSchema,
  DiagnosticReportSchema,
  DocumentReferenceSchema,
  EncounterSchema,
  ImagingStudySchema,
  MedicationStatementSchema,
  ObservationSchema,
  PatientSchema,
} from './fhir-resources';
import { groupLabs, latestVitals, type LabAnalyte, type VitalSign } from './lab-results';
import { summarisePatient, type PatientSummary } from './patient-summary';
import { visitItems, visitTimeline, type TimelineDay } from './visit-timeline';

/** The parts the server loads one search each (server/src/integrations/his/his-client.ts, RecordPartName). */
export const RECORD_PARTS = [
  'conditions',
  'allergies',
  'observations',
  'diagnosticReports',
  'imagingStudies',
  'medicationStatements',
  'medicationRequests',
  'encounters',
  'documents',
] as const;
export type RecordPart = (typeof RECORD_PARTS)[number];

export function isRecordPart(value: string): value is RecordPart {
  return (RECORD_PARTS as readonly string[]).includes(value);
}

/** What the expert's record panel shows, built from the server's FHIR collection bundle. */
export interface RecordModel {
  /** Null only if the HIS sent no readable Patient. */
  patient: PatientSummary | null;
  allergies: AllergyItem[];
  problems: ProblemItem[];
  pastProblems: ProblemItem[];
  medications: MedicationItem[];
  timeline: TimelineDay[];
  labs: LabAnalyte[];
  vitals: VitalSign[];
  /** Exam reports (ECG, ultrasound, CT …) and lab panels, newest first. */
  reports: ReportItem[];
  imaging: ImagingItem[];
  documents: DocumentItem[];
  /** Parts the server could not load: their sections say "not loaded", never "none". */
  missing: RecordPart[];
  /** Every failure as reported (including parts this client does not know). */
  failures: RecordPartFailure[];
  /** Resources of a known type that were too malformed to show. */
  skipped: number;
}

const ResourceTypeSchema = z.object({ resourceType: z.string() });

/** Reads the bundle's resources by type, each tolerantly; a resource too malformed to show is counted, not fatal. */
function resourceReader(response: RecordResponse) {
  const byType = new Map<string, unknown[]>();
  let skipped = 0;
  for (const entry of response.bundle.entry ?? []) {
    const type = ResourceTypeSchema.safeParse(entry.resource);
    if (!type.success) {
      skipped += 1;
      continue;
    }
    const list = byType.get(type.data.resourceType) ?? [];
    list.push(entry.resource);
    byType.set(type.data.resourceType, list);
  }
  return {
    read<T>(resourceType: string, schema: z.ZodType<T>): T[] {
      return (byType.get(resourceType) ?? []).flatMap((raw) => {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) skipped += 1;
        return parsed.success ? [parsed.data] : [];
      });
    },
    skipped: () => skipped,
  };
}

export function buildRecordModel(response: RecordResponse, now: Date): RecordModel {
  const reader = resourceReader(response);
  const patient = reader.read('Patient', PatientSchema)[0];
  const observations = reader.read('Observation', ObservationSchema);
  const reports = reportItems(reader.read('DiagnosticReport', DiagnosticReportSchema));
  const documents = documentItems(reader.read('DocumentReference', DocumentReferenceSchema));
  const { active, past } = problemLists(reader.read('Condition', ConditionSchema));
  const missing = [...new Set(response.failed.map((f) => f.part).filter(isRecordPart))];
  return {
    patient: patient ? summarisePatient(patient, now) : null,
    allergies: allergyItems(reader.read('AllergyIntolerance', AllergySchema)),
    problems: active,
    pastProblems: past,
    medications: currentMedications(reader.read('MedicationStatement', MedicationStatementSchema)),
    timeline: visitTimeline(visitItems(reader.read('Encounter', EncounterSchema)), reports, documents),
    labs: groupLabs(observations),
    vitals: latestVitals(observations),
    reports,
    imaging: imagingItems(reader.read('ImagingStudy', ImagingStudySchema)),
    documents,
    missing,
    failures: response.failed,
    skipped: reader.skipped(),
  };
}
