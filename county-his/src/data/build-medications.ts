import type { Dosage, MedicationRequest, MedicationStatement } from '@medplum/fhirtypes';
import { SYSTEM } from '../fhir/systems';
import { CONDITIONS } from './conditions';
import type { PatientContext } from './context';
import type { DrugDef } from './formulary/drug-def';
import { doseUnitOf, findDrug, routeOf } from './formulary/formulary';
import { INSTITUTIONS } from './organizations';
import { sigFor } from './sigs';
import { DAY_MS, formatDate, formatDateTime, parseLocalDate } from './time';
import type { Visit } from './visits';

function drug(id: string): DrugDef {
  const d = findDrug(id);
  if (!d) throw new Error(`unknown formulary id ${id}`);
  return d;
}

export function medicationConcept(d: DrugDef) {
  return {
    coding: [
      { system: SYSTEM.formulary, code: d.code, display: d.en },
      { system: SYSTEM.atc, code: d.atc },
    ],
    text: d.zh,
  };
}

export function dosageFor(d: DrugDef): Dosage {
  const sig = sigFor(d.id);
  const unit = doseUnitOf(d);
  const route = routeOf(d.route);
  const strength = d.ingredients.map((i) => `${i.value}${i.unit === '[IU]' ? 'U' : i.unit === 'ug' ? 'μg' : i.unit}`).join('/');
  return {
    text: `${d.zh} ${strength}，${sig.zh}，每次${sig.dose}${unit}，${route.zh}`,
    ...(sig.asNeeded ? { asNeededBoolean: true } : { timing: { repeat: { frequency: sig.perDay, period: 1, periodUnit: 'd' } } }),
    route: { coding: [{ system: SYSTEM.snomed, code: route.snomed, display: route.en }], text: route.zh },
    doseAndRate: [{ doseQuantity: { value: sig.dose, unit } }],
  };
}

/** What the patient takes now (active) and used to take (stopped), as the HIS medication list records it. */
export function buildMedicationStatements(ctx: PatientContext, lastVisitMs: number): MedicationStatement[] {
  const p = ctx.profile;
  const org = INSTITUTIONS[p.institution];
  const current: MedicationStatement[] = p.medications.map((id) => {
    const d = drug(id);
    return {
      resourceType: 'MedicationStatement',
      id: ctx.nextId('ms'),
      status: 'active',
      category: { coding: [{ system: SYSTEM.medicationStatementCategory, code: 'outpatient', display: 'Outpatient' }] },
      medicationCodeableConcept: medicationConcept(d),
      subject: ctx.patientRef,
      effectivePeriod: { start: currentSince(ctx, id) },
      dateAsserted: formatDateTime(lastVisitMs),
      informationSource: { reference: `Organization/${org.id}`, display: org.name },
      dosage: [dosageFor(d)],
    };
  });
  const past: MedicationStatement[] = p.pastMedications.map((m) => {
    const d = drug(m.id);
    return {
      resourceType: 'MedicationStatement',
      id: ctx.nextId('ms'),
      status: 'stopped',
      statusReason: [{ text: '已停用（调整治疗方案）' }],
      category: { coding: [{ system: SYSTEM.medicationStatementCategory, code: 'outpatient', display: 'Outpatient' }] },
      medicationCodeableConcept: medicationConcept(d),
      subject: ctx.patientRef,
      effectivePeriod: { start: m.from, end: m.to },
      dateAsserted: formatDateTime(lastVisitMs),
      informationSource: { reference: `Organization/${org.id}`, display: org.name },
      dosage: [dosageFor(d)],
    };
  });
  return [...current, ...past];
}

/** When the patient started a current drug: when it replaced a past one of the same class, else at the onset of the condition it treats. */
function currentSince(ctx: PatientContext, id: string): string {
  const p = ctx.profile;
  const cls = drug(id).cls;
  const replaced = p.pastMedications.find((m) => drug(m.id).cls === cls);
  if (replaced) return replaced.to;
  const treated = p.conditions.find((c) => CONDITIONS[c.key].medicationGroups.some((g) => g.includes(id)));
  return treated?.onset ?? [...p.conditions.map((c) => c.onset)].sort()[0] ?? formatDate(ctx.asOfMs);
}

/** Drugs the patient was on at a given time. */
function drugsAt(ctx: PatientContext, ms: number): string[] {
  const p = ctx.profile;
  const past = p.pastMedications.filter((m) => parseLocalDate(m.from) <= ms && ms <= parseLocalDate(m.to)).map((m) => m.id);
  const current = p.medications.filter((id) => parseLocalDate(currentSince(ctx, id)) <= ms);
  return [...past, ...current];
}

/** The prescriptions written at a follow-up visit: one month's supply of each drug the patient is on. */
export function buildVisitPrescriptions(ctx: PatientContext, visit: Visit, isLatest: boolean): MedicationRequest[] {
  if (visit.kind !== 'outpatient' || visit.reviewed.length === 0) return [];
  const org = INSTITUTIONS[ctx.profile.institution];
  const rxNumber = `${org.hisPrefix}RX${formatDate(visit.startMs).replaceAll('-', '')}${String(ctx.rng.int(0, 99999)).padStart(5, '0')}`;
  const prescriptions = drugsAt(ctx, visit.startMs).map((id): MedicationRequest => {
    const d = drug(id);
    const sig = sigFor(id);
    const days = 28;
    const units = sig.asNeeded ? d.pack : Math.ceil((sig.dose * sig.perDay * days) / d.pack) * d.pack;
    return {
      resourceType: 'MedicationRequest',
      id: ctx.nextId('mr'),
      identifier: [{ system: `urn:cloudclinic:his:${org.id}:prescription-item`, value: `${rxNumber}-${d.code}` }],
      groupIdentifier: { system: `urn:cloudclinic:his:${org.id}:prescription`, value: rxNumber },
      status: isLatest && ctx.asOfMs - visit.startMs < days * DAY_MS ? 'active' : 'completed',
      intent: 'order',
      category: [{ coding: [{ system: SYSTEM.medicationRequestCategory, code: 'outpatient', display: 'Outpatient' }] }],
      medicationCodeableConcept: medicationConcept(d),
      subject: ctx.patientRef,
      encounter: { reference: `Encounter/${visit.encounterId}` },
      authoredOn: formatDateTime(visit.endMs - 2 * 60 * 1000),
      requester: { display: visit.doctor },
      dosageInstruction: [dosageFor(d)],
      dispenseRequest: {
        quantity: { value: Math.max(units, d.pack) / d.pack, unit: '盒' },
        expectedSupplyDuration: { value: days, unit: '天', system: 'http://unitsofmeasure.org', code: 'd' },
        numberOfRepeatsAllowed: 0,
      },
    };
  });
  if (prescriptions.length > 0) visit.findings.push(`处方：${prescriptions.map((r) => r.dosageInstruction?.[0]?.text ?? '').join('；')}`);
  return prescriptions;
}
