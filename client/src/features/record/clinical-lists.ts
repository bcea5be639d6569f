import {
  codingOf,
  conceptText,
  type Concept,
  type FhirAllergy,
  type FhirCondition,
  type FhirDiagnosticReport,
  type FhirDocumentReference,
  type FhirImagingStudy,
  type FhirMedicationStatement,
} from './fhir-resources';
import { dayOf, toEpoch } from './fhir-time';
import { decodeNoteText, type NoteText } from './note-text';
import { provenanceOf, type Provenance } from './provenance';

export const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
/** SNOMED CT "no known (drug / food / environmental) allergy": a statement, not an allergy. */
const NO_KNOWN_ALLERGY = new Set(['716186003', '409137002', '429625007', '428607008']);
/** v2-0074 diagnostic service sections that are laboratory (检验) rather than exams (检查). */
const LAB_SECTIONS = new Set(['LAB', 'CH', 'HM', 'MB', 'SR', 'CP', 'BLB', 'IMM', 'SP', 'CY']);

export interface AllergyItem {
  id: string;
  /** `青霉素` (the HIS's `青霉素过敏` without the suffix). */
  substance: string;
  category: string | null;
  criticality: 'high' | 'low' | 'unable-to-assess' | null;
  reactions: string[];
  severity: 'mild' | 'moderate' | 'severe' | null;
  unconfirmed: boolean;
}

export interface ProblemItem {
  id: string;
  display: string;
  icd10: string | null;
  onset: string | null;
  abated: string | null;
}

export interface MedicationItem {
  id: string;
  name: string;
  dosage: string | null;
  since: string | null;
  source: string | null;
}

export interface ReportItem extends Provenance {
  id: string;
  /** `lab` (检验) or `exam` (检查: ECG, ultrasound, CT …). */
  section: 'lab' | 'exam';
  category: string | null;
  title: string;
  at: number;
  day: string;
  conclusion: string | null;
}

export interface ImagingItem extends Provenance {
  id: string;
  at: number;
  day: string;
  description: string;
  modalities: string[];
  series: number | null;
  instances: number | null;
}

export interface DocumentItem {
  id: string;
  at: number;
  day: string;
  title: string;
  description: string | null;
  author: string | null;
  institution: string | null;
  note: NoteText;
}

const statusCode = (c: Concept | undefined) => c?.coding.find((x) => x.code)?.code ?? null;
const notErroneous = (verification: Concept | undefined) => !['entered-in-error', 'refuted'].includes(statusCode(verification) ?? '');
const newestFirst = <T extends { at: number }>(items: T[]) => items.sort((a, b) => b.at - a.at);
const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | null => allowed.find((a) => a === value) ?? null;

function substanceOf(code: Concept | undefined): string | null {
  const text = conceptText(code);
  if (!text) return null;
  const stripped = text.replace(/过敏$/, '').trim();
  return stripped.length > 0 ? stripped : text;
}

/** Active, not refuted allergies and intolerances; "no known allergy" statements are left out. */
export function allergyItems(allergies: readonly FhirAllergy[]): AllergyItem[] {
  return allergies.flatMap((a) => {
    const clinical = statusCode(a.clinicalStatus);
    if ((clinical && clinical !== 'active') || !notErroneous(a.verificationStatus)) return [];
    if (a.code?.coding.some((c) => c.code && NO_KNOWN_ALLERGY.has(c.code))) return [];
    const substance = substanceOf(a.code);
    if (!substance) return [];
    const severities = a.reaction.map((r) => pick(r.severity, ['severe', 'moderate', 'mild'] as const));
    return [
      {
        id: a.id,
        substance,
        category: a.category[0] ?? null,
        criticality: pick(a.criticality, ['high', 'low', 'unable-to-assess'] as const),
        reactions: [...new Set(a.reaction.flatMap((r) => [...r.manifestation.map(conceptText), r.description ?? null]).filter((t): t is string => Boolean(t)))],
        severity: (['severe', 'moderate', 'mild'] as const).find((s) => severities.includes(s)) ?? null,
        unconfirmed: statusCode(a.verificationStatus) === 'unconfirmed',
      },
    ];
  });
}

/** Conditions split into the active problem list and past (resolved, inactive) diagnoses, newest onset first. */
export function problemLists(conditions: readonly FhirCondition[]): { active: ProblemItem[]; past: ProblemItem[] } {
  const active: (ProblemItem & { at: number })[] = [];
  const past: (ProblemItem & { at: number })[] = [];
  for (const c of conditions) {
    const display = conceptText(c.code);
    if (!display || !notErroneous(c.verificationStatus)) continue;
    const onsetValue = c.onsetDateTime ?? c.onsetPeriod?.start;
    const item = {
      id: c.id,
      display,
      icd10: codingOf(c.code, ICD10)?.code ?? null,
      onset: dayOf(onsetValue) ?? c.onsetString ?? null,
      abated: dayOf(c.abatementDateTime),
      at: toEpoch(onsetValue ?? c.recordedDate) ?? 0,
    };
    const clinical = statusCode(c.clinicalStatus);
    (clinical === null || ['active', 'recurrence', 'relapse'].includes(clinical) ? active : past).push(item);
  }
  const strip = (items: (ProblemItem & { at: number })[]) => newestFirst(items).map(({ at: _at, ...rest }) => rest);
  return { active: strip(active), past: strip(past) };
}

/** What the patient is taking now, as the county HIS records it. */
export function currentMedications(statements: readonly FhirMedicationStatement[]): MedicationItem[] {
  return statements.flatMap((s) => {
    const name = conceptText(s.medicationCodeableConcept) ?? s.medicationReference?.display?.trim();
    if (s.status !== 'active' || !name) return [];
    const dosage = s.dosage.map((d) => d.text?.trim()).filter(Boolean).join('；');
    return [{ id: s.id, name, dosage: dosage || null, since: dayOf(s.effectivePeriod?.start ?? s.effectiveDateTime), source: s.informationSource?.display ?? null }];
  });
}

export function reportItems(reports: readonly FhirDiagnosticReport[]): ReportItem[] {
  return newestFirst(
    reports.flatMap((r) => {
      const title = conceptText(r.code);
      const at = toEpoch(r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued);
      if (!title || at === null || r.status === 'entered-in-error' || r.status === 'cancelled') return [];
      const lab = r.category.some((c) => c.coding.some((x) => x.code && LAB_SECTIONS.has(x.code.toUpperCase())));
      const day = dayOf(r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued) ?? '';
      return [{ id: r.id, section: lab ? 'lab' : 'exam', category: conceptText(r.category[0]), title, at, day, conclusion: r.conclusion?.trim() || null, ...provenanceOf(r, r.performer) } satisfies ReportItem];
    }),
  );
}

export function imagingItems(studies: readonly FhirImagingStudy[]): ImagingItem[] {
  return newestFirst(
    studies.flatMap((s) => {
      const at = toEpoch(s.started);
      const description = s.description?.trim() || conceptText(s.procedureCode[0]);
      if (at === null || !description || s.status === 'entered-in-error' || s.status === 'cancelled') return [];
      return [
        {
          id: s.id,
          at,
          day: dayOf(s.started) ?? '',
          description,
          modalities: [...new Set(s.modality.map((m) => m.code).filter((c): c is string => Boolean(c)))],
          series: s.numberOfSeries ?? null,
          instances: s.numberOfInstances ?? null,
          ...provenanceOf(s, [s.location]),
        },
      ];
    }),
  );
}

/** EMR notes (门诊病历, 出院小结 …) with their decoded text, newest first. */
export function documentItems(documents: readonly FhirDocumentReference[]): DocumentItem[] {
  return newestFirst(
    documents.flatMap((d) => {
      const at = toEpoch(d.date);
      if (at === null || d.status === 'entered-in-error') return [];
      const authors = d.author.map((a) => a.display?.trim()).filter(Boolean).join('、');
      const attachment = d.content.map((c) => c.attachment).find((a) => a?.data) ?? d.content[0]?.attachment;
      return [
        {
          id: d.id,
          at,
          day: dayOf(d.date) ?? '',
          title: conceptText(d.type) ?? attachment?.title ?? d.description ?? d.id,
          description: d.description?.trim() || null,
          author: authors || null,
          institution: d.custodian?.display ?? null,
          note: decodeNoteText(attachment),
        },
      ];
    }),
  );
}
