import type { DiagnosticReport, Observation, Organization, Reference } from '@medplum/fhirtypes';
import { MUTUAL_RECOGNITION_TAG, SYSTEM } from '../fhir/systems';
import type { PatientContext } from './context';
import { labTrajectory, type Trajectory } from './lab-trajectories';
import { LABS, PANELS, interpret, rangeFor, type LabKey } from './labs';
import { EXTERNAL_PERFORMERS, orgDisplay } from './organizations';
import { ageAt, formatDateTime } from './time';
import type { Visit } from './visits';

const LAB_CATEGORY = [{ coding: [{ system: SYSTEM.observationCategory, code: 'laboratory', display: 'Laboratory' }], text: '检验' }];
const INTERPRETATION = { H: 'High', L: 'Low', N: 'Normal' } as const;
const ARROW = { H: '↑', L: '↓', N: '' } as const;

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Builds every lab draw of one patient; remembers each test's course so values trend over the years. */
export function createLabBuilder(ctx: PatientContext) {
  const courses = new Map<LabKey, Trajectory>();
  const age = ageAt(ctx.profile.birthDate, ctx.asOfMs);
  const course = (lab: LabKey): Trajectory => {
    let t = courses.get(lab);
    if (!t) {
      t = labTrajectory(lab, ctx.profile, age, ctx.rng.fork(`lab-${lab}`));
      courses.set(lab, t);
    }
    return t;
  };

  return function buildLabs(visit: Visit, progress: number): (Observation | DiagnosticReport)[] {
    const out: (Observation | DiagnosticReport)[] = [];
    for (const panelKey of visit.panels) {
      const panel = PANELS[panelKey];
      // Now and then the draw was done at a higher-level hospital and accepted here (检验结果互认).
      const external = visit.kind === 'outpatient' && ctx.rng.chance(0.12);
      const performerId = external ? ctx.rng.pick(EXTERNAL_PERFORMERS) : ctx.profile.institution;
      const performer: Reference<Organization> = { reference: `Organization/${performerId}`, display: orgDisplay(performerId) };
      const collected = external ? visit.startMs - ctx.rng.int(3, 20) * 24 * 3600 * 1000 : visit.startMs + 20 * 60 * 1000;
      const issued = collected + ctx.rng.int(2, 6) * 3600 * 1000;
      const meta = external ? { meta: { tag: [MUTUAL_RECOGNITION_TAG] } } : {};
      const context = external ? {} : { encounter: { reference: `Encounter/${visit.encounterId}` } };
      const findings: string[] = [];
      const results: Observation[] = panel.labs.map((key) => {
        const lab = LABS[key];
        const t = course(key);
        const value = Math.max(round(t.start + (t.end - t.start) * progress + ctx.rng.normal(0, t.sd), lab.decimals), 10 ** -lab.decimals);
        const range = rangeFor(lab, ctx.profile.sex);
        const flag = interpret(value, range);
        findings.push(`${lab.zh} ${value}${lab.unit}${ARROW[flag]}`);
        const unit = { unit: lab.unit, system: SYSTEM.ucum, code: lab.ucum };
        return {
          resourceType: 'Observation',
          id: ctx.nextId('lab'),
          ...meta,
          status: 'final',
          category: LAB_CATEGORY,
          code: { coding: [{ system: SYSTEM.loinc, code: lab.loinc, display: lab.display }], text: lab.zh },
          subject: ctx.patientRef,
          ...context,
          effectiveDateTime: formatDateTime(collected),
          issued: new Date(issued).toISOString(),
          performer: [performer],
          valueQuantity: { value, ...unit },
          interpretation: [{ coding: [{ system: SYSTEM.interpretation, code: flag, display: INTERPRETATION[flag] }] }],
          referenceRange: [
            {
              ...(range.low !== undefined ? { low: { value: range.low, ...unit } } : {}),
              ...(range.high !== undefined ? { high: { value: range.high, ...unit } } : {}),
              text: range.low !== undefined && range.high !== undefined ? `${range.low}-${range.high}` : range.high !== undefined ? `<${range.high}` : `>${range.low}`,
            },
          ],
        };
      });
      const report: DiagnosticReport = {
        resourceType: 'DiagnosticReport',
        id: ctx.nextId('dr'),
        ...meta,
        status: 'final',
        category: [{ coding: [{ system: SYSTEM.diagnosticServiceSection, code: 'LAB', display: 'Laboratory' }], text: '检验' }],
        code: { coding: [{ system: SYSTEM.loinc, code: panel.loinc, display: panel.display }], text: panel.zh },
        subject: ctx.patientRef,
        ...context,
        effectiveDateTime: formatDateTime(collected),
        issued: new Date(issued).toISOString(),
        performer: [performer],
        result: results.map((r) => ({ reference: `Observation/${r.id}` })),
        conclusion: findings.filter((f) => /[↑↓]$/.test(f)).join('；') || '未见异常',
      };
      out.push(...results, report);
      visit.findings.push(`${panel.zh}：${findings.join('，')}${external ? `（${orgDisplay(performerId)}，互认）` : ''}`);
    }
    return out;
  };
}
