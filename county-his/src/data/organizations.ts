import type { Organization } from '@medplum/fhirtypes';
import { SYSTEM } from '../fhir/systems';

/** The two county hospitals that own patients in this HIS. */
export const INSTITUTIONS = {
  sscph: { id: 'sscph', name: '嵊泗县人民医院', nameEn: 'Shengsi County People’s Hospital', county: '嵊泗县', hisPrefix: 'SS' },
  dsfph: { id: 'dsfph', name: '岱山县第一人民医院', nameEn: 'Daishan County First People’s Hospital', county: '岱山县', hisPrefix: 'DS' },
} as const;
export type InstitutionCode = keyof typeof INSTITUTIONS;

interface OrgDef {
  id: string;
  name: string;
  nameEn: string;
  city: string;
  district: string;
  level: string;
}

/** Every Organization served: the two owners, plus the institutions whose results are mutually recognised (互认). */
const ORGS: readonly OrgDef[] = [
  { id: 'sscph', name: INSTITUTIONS.sscph.name, nameEn: INSTITUTIONS.sscph.nameEn, city: '舟山市', district: '嵊泗县', level: '二级乙等' },
  { id: 'dsfph', name: INSTITUTIONS.dsfph.name, nameEn: INSTITUTIONS.dsfph.nameEn, city: '舟山市', district: '岱山县', level: '二级甲等' },
  { id: 'zsh', name: '舟山医院', nameEn: 'Zhoushan Hospital', city: '舟山市', district: '定海区', level: '三级甲等' },
  { id: 'zsputuo', name: '舟山市普陀医院', nameEn: 'Putuo Hospital of Zhoushan', city: '舟山市', district: '普陀区', level: '二级甲等' },
  { id: 'zjh', name: '浙江医院', nameEn: 'Zhejiang Hospital', city: '杭州市', district: '西湖区', level: '三级甲等' },
  { id: 'zju2h', name: '浙江大学医学院附属第二医院', nameEn: 'Second Affiliated Hospital, Zhejiang University School of Medicine', city: '杭州市', district: '上城区', level: '三级甲等' },
];

/** Organizations that may appear as the performer of a mutually recognised result. */
export const EXTERNAL_PERFORMERS = ['zsh', 'zsputuo', 'zjh', 'zju2h'] as const;

export function orgDisplay(id: string): string {
  return ORGS.find((o) => o.id === id)?.name ?? id;
}

export function buildOrganizations(): Organization[] {
  return ORGS.map((o) => ({
    resourceType: 'Organization',
    id: o.id,
    identifier: [{ system: SYSTEM.orgCode, value: o.id }],
    active: true,
    type: [{ coding: [{ system: SYSTEM.organizationType, code: 'prov', display: 'Healthcare Provider' }], text: `医院（${o.level}）` }],
    name: o.name,
    alias: [o.nameEn],
    address: [{ city: o.city, district: o.district, state: '浙江省', country: 'CN', text: `浙江省${o.city}${o.district}` }],
  }));
}
