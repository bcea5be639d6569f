import type { DiagnosticReport, ImagingStudy, ImagingStudySeries } from '@medplum/fhirtypes';
import { MUTUAL_RECOGNITION_TAG, SYSTEM } from '../fhir/systems';
import type { PatientContext } from './context';
import { EXAMS, type Finding } from './exams';
import { EXTERNAL_PERFORMERS, orgDisplay } from './organizations';
import type { Rng } from './prng';
import { DAY_MS, formatDate, formatDateTime } from './time';
import type { Visit } from './visits';

/** A DICOM UID under the UUID-derived root 2.25 (PS3.5 B.2): no organisation root needed. */
function dicomUid(rng: Rng): string {
  let digits = String(rng.int(1, 9));
  while (digits.length < 38) digits += String(rng.int(0, 9));
  return `2.25.${digits}`;
}

/** A finding that fits the patient: condition-specific ones only for patients who have the condition. */
function pickFinding(ctx: PatientContext, findings: readonly Finding[]): string {
  const has = (keys: readonly string[]) => ctx.profile.conditions.some((c) => keys.includes(c.key));
  const fitting = findings.filter((f) => typeof f === 'string' || has(f.only)).map((f) => (typeof f === 'string' ? f : f.text));
  const specific = findings.filter((f) => typeof f !== 'string' && has(f.only)).map((f) => (typeof f === 'string' ? f : f.text));
  if (specific.length > 0 && ctx.rng.chance(0.7)) return ctx.rng.pick(specific);
  return ctx.rng.chance(0.4) ? fitting[0] ?? '' : ctx.rng.pick(fitting);
}

/** Exam reports (ECG, echo, CT, MR, X-ray, ultrasound) for one visit, with an ImagingStudy when there are images. */
export function buildExams(ctx: PatientContext, visit: Visit): (DiagnosticReport | ImagingStudy)[] {
  const { rng } = ctx;
  const out: (DiagnosticReport | ImagingStudy)[] = [];
  for (const key of visit.exams) {
    const exam = EXAMS[key];
    const external = exam.externalOnly === true || (visit.kind === 'outpatient' && rng.chance(0.25));
    const orgId = external ? (exam.externalOnly ? 'zsh' : rng.pick(EXTERNAL_PERFORMERS)) : ctx.profile.institution;
    const performer = { reference: `Organization/${orgId}`, display: orgDisplay(orgId) };
    const started = external ? visit.startMs - rng.int(5, 30) * DAY_MS : visit.startMs + rng.int(30, 120) * 60 * 1000;
    const issued = started + rng.int(1, 24) * 3600 * 1000;
    const meta = external ? { meta: { tag: [MUTUAL_RECOGNITION_TAG] } } : {};
    const context = external ? {} : { encounter: { reference: `Encounter/${visit.encounterId}` } };
    const finding = pickFinding(ctx, exam.findings);
    const accession = `${orgId.toUpperCase()}${formatDate(started).replaceAll('-', '')}${String(rng.int(0, 9999)).padStart(4, '0')}`;

    let study: ImagingStudy | undefined;
    if (exam.modality && exam.series) {
      const modality = { system: SYSTEM.dicomModality, code: exam.modality };
      const series: ImagingStudySeries[] = exam.series.map((s, i) => ({
        uid: dicomUid(rng),
        number: i + 1,
        modality,
        description: s.description,
        numberOfInstances: rng.int(s.instances[0], s.instances[1]),
        ...(exam.bodySite ? { bodySite: { system: SYSTEM.snomed, code: exam.bodySite.snomed, display: exam.bodySite.display } } : {}),
        started: formatDateTime(started),
      }));
      const newStudy: ImagingStudy = {
        resourceType: 'ImagingStudy',
        id: ctx.nextId('img'),
        ...meta,
        identifier: [
          { system: SYSTEM.dicomUid, value: `urn:oid:${dicomUid(rng)}` },
          { type: { coding: [{ system: SYSTEM.identifierType, code: 'ACSN', display: 'Accession ID' }] }, system: `urn:cloudclinic:accession:${orgId}`, value: accession },
        ],
        status: 'available',
        modality: [modality],
        subject: ctx.patientRef,
        ...context,
        started: formatDateTime(started),
        numberOfSeries: series.length,
        numberOfInstances: series.reduce((n, s) => n + (s.numberOfInstances ?? 0), 0),
        procedureCode: [{ coding: [{ system: SYSTEM.loinc, code: exam.loinc, display: exam.display }], text: exam.zh }],
        location: { display: orgDisplay(orgId) },
        description: exam.zh,
        series,
      };
      study = newStudy;
      out.push(newStudy);
    }

    const report: DiagnosticReport = {
      resourceType: 'DiagnosticReport',
      id: ctx.nextId('dr'),
      ...meta,
      identifier: [{ system: `urn:cloudclinic:accession:${orgId}`, value: accession }],
      status: 'final',
      category: [{ coding: [{ system: SYSTEM.diagnosticServiceSection, code: exam.section.code, display: exam.section.display }], text: exam.zh }],
      code: { coding: [{ system: SYSTEM.loinc, code: exam.loinc, display: exam.display }], text: exam.zh },
      subject: ctx.patientRef,
      ...context,
      effectiveDateTime: formatDateTime(started),
      issued: new Date(issued).toISOString(),
      performer: [performer],
      ...(study ? { imagingStudy: [{ reference: `ImagingStudy/${study.id}` }] } : {}),
      conclusion: finding,
    };
    out.push(report);
    visit.findings.push(`${exam.zh}：${finding}${external ? `（${orgDisplay(orgId)}，互认）` : ''}`);
  }
  return out;
}
