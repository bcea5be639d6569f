import { ANTIBIOTIC_GRADES, type AntibioticGrade } from '@cloudclinic/shared';
import type { RawFinding, SafetyInput } from './types';

const GRADE_ZH: Record<AntibioticGrade, string> = { unrestricted: '非限制使用级', restricted: '限制使用级', special: '特殊使用级' };
const rank = (g: AntibioticGrade | null) => (g === null ? 0 : ANTIBIOTIC_GRADES.indexOf(g) + 1);

/**
 * Antibiotic stewardship (抗菌药物分级管理): a prescriber may prescribe up to the grade of their
 * privilege; special-grade (特殊使用级) antibiotics are never used in outpatient care. Refused, no override.
 */
export function antibioticRule(input: SafetyInput): RawFinding[] {
  const out: RawFinding[] = [];
  const privilege = input.prescriber.antibioticPrivilege;
  for (const { drug } of input.items) {
    const grade = drug.flags.antibioticGrade;
    if (!grade) continue;
    if (rank(grade) > rank(privilege)) {
      out.push({
        id: `antibiotic:${drug.id}:privilege`,
        rule: 'antibiotic',
        severity: 'refused',
        medicationIds: [drug.id],
        message: `${drug.name}为${GRADE_ZH[grade]}抗菌药物，超出您的抗菌药物处方权限（${privilege ? GRADE_ZH[privilege] : '无'}）。`,
        messageEn: `${drug.nameEn} is a ${grade}-grade antibiotic, beyond your antibiotic prescribing privilege (${privilege ?? 'none'}).`,
      });
    } else if (grade === 'special') {
      out.push({
        id: `antibiotic:${drug.id}:outpatient`,
        rule: 'antibiotic',
        severity: 'refused',
        medicationIds: [drug.id],
        message: `${drug.name}为特殊使用级抗菌药物，不得在门诊（含互联网诊疗）使用。`,
        messageEn: `${drug.nameEn} is a special-grade antibiotic: it may not be used in outpatient (including online) care.`,
      });
    }
  }
  return out;
}
