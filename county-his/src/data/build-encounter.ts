import type { Encounter } from '@medplum/fhirtypes';
import { SYSTEM } from '../fhir/systems';
import { CONDITIONS } from './conditions';
import type { PatientContext } from './context';
import { INSTITUTIONS } from './organizations';
import { formatDate, formatDateTime } from './time';
import type { Visit } from './visits';

export function buildEncounter(ctx: PatientContext, visit: Visit, sequence: number): Encounter {
  const org = INSTITUTIONS[ctx.profile.institution];
  const inpatient = visit.kind === 'inpatient';
  const reasons = [
    ...(visit.acute ? [visit.acute] : []),
    ...visit.reviewed.map((k) => ({ icd10: CONDITIONS[k].icd10, en: CONDITIONS[k].en, zh: CONDITIONS[k].zh })),
  ];
  return {
    resourceType: 'Encounter',
    id: visit.encounterId,
    identifier: [{ system: SYSTEM.encounterNumber, value: `${org.hisPrefix}-${inpatient ? 'ZY' : 'MZ'}-${formatDate(visit.startMs).replaceAll('-', '')}-${String(sequence).padStart(4, '0')}` }],
    status: 'finished',
    class: inpatient
      ? { system: SYSTEM.actCode, code: 'IMP', display: 'inpatient encounter' }
      : { system: SYSTEM.actCode, code: 'AMB', display: 'ambulatory' },
    type: [{ text: inpatient ? '住院' : visit.reviewed.length > 0 ? '慢病复诊' : '普通门诊' }],
    serviceType: { text: visit.department },
    subject: ctx.patientRef,
    participant: [{ individual: { display: visit.doctor } }],
    period: { start: formatDateTime(visit.startMs), end: formatDateTime(visit.endMs) },
    reasonCode: reasons.map((r) => ({ coding: [{ system: SYSTEM.icd10, code: r.icd10, display: r.en }], text: r.zh })),
    ...(inpatient
      ? { hospitalization: { admitSource: { text: '门诊收入' }, dischargeDisposition: { text: '好转出院' } } }
      : {}),
    serviceProvider: { reference: `Organization/${org.id}`, display: org.name },
  };
}
