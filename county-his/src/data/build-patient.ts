import type { Patient } from '@medplum/fhirtypes';
import { SYSTEM } from '../fhir/systems';
import type { PatientContext } from './context';
import { TOWNS } from './names';
import { INSTITUTIONS } from './organizations';
import { ageAt } from './time';

export function buildPatient(ctx: PatientContext): Patient {
  const p = ctx.profile;
  const institution = INSTITUTIONS[p.institution];
  const towns = TOWNS[p.institution];
  const patient: Patient = {
    resourceType: 'Patient',
    id: p.id,
    identifier: [
      {
        use: 'official',
        type: { coding: [{ system: SYSTEM.identifierType, code: 'NI', display: 'National unique individual identifier' }], text: '居民身份证' },
        system: SYSTEM.residentId,
        value: p.residentId,
      },
      {
        use: 'usual',
        type: { coding: [{ system: SYSTEM.identifierType, code: 'MR', display: 'Medical record number' }], text: '病历号' },
        system: SYSTEM.hisNumber[p.institution],
        value: p.hisNumber,
        assigner: { reference: `Organization/${institution.id}`, display: institution.name },
      },
    ],
    active: true,
    name: [{ use: 'official', text: `${p.family}${p.given}`, family: p.family, given: [p.given] }],
    telecom: [{ system: 'phone', value: p.phone, use: 'mobile' }],
    gender: p.sex,
    birthDate: p.birthDate,
    address: [
      {
        use: 'home',
        type: 'physical',
        text: `浙江省舟山市${towns.county}${p.town}${p.village}`,
        line: [`${p.town}${p.village}`],
        city: '舟山市',
        district: towns.county,
        state: '浙江省',
        postalCode: towns.postalCode,
        country: 'CN',
      },
    ],
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'zh-CN', display: 'Chinese (China)' }], text: '中文' }, preferred: true }],
    managingOrganization: { reference: `Organization/${institution.id}`, display: institution.name },
  };
  if (ageAt(p.birthDate, ctx.asOfMs) < 18) {
    patient.contact = [
      {
        relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N', display: 'Next-of-Kin' }], text: '母亲' }],
        name: { text: `${ctx.rng.pick(['陈', '林', '周', '徐'])}${ctx.rng.pick(['丽萍', '晓燕', '海燕', '静'])}` },
        telecom: [{ system: 'phone', value: `139${String(ctx.rng.int(0, 99999999)).padStart(8, '0')}`, use: 'mobile' }],
      },
    ];
  }
  return patient;
}
