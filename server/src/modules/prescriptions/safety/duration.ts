import type { RawFinding, SafetyInput } from './types';

/** 处方一般不得超过7日用量 (处方管理办法第十九条): beyond this, the prescriber states the reason. */
export const USUAL_SUPPLY_DAYS = 7;
/** Beyond this, a long prescription (长处方) for a stable chronic disease. */
export const LONG_PRESCRIPTION_DAYS = 30;
/** 长期处方 at most 12 weeks (长期处方管理规范（试行）). */
export const MAX_LONG_PRESCRIPTION_DAYS = 84;

/**
 * Supply rules. Up to 7 days: fine. Beyond 7 days: a coded chronic diagnosis on the prescription is
 * the reason (information), otherwise a warning that needs one. Beyond 30 days (长处方): only for a
 * chronic disease on the bundled list, otherwise refused. Beyond 12 weeks: refused.
 */
export function durationRule(input: SafetyInput): RawFinding[] {
  const chronic = input.diagnoses.filter((d) => d.chronic);
  const chronicText = chronic.map((d) => d.zh).join('、');
  const out: RawFinding[] = [];
  for (const { drug, days, frequency } of input.items) {
    if (frequency === 'st' || days <= USUAL_SUPPLY_DAYS) continue;
    const base = { rule: 'duration' as const, medicationIds: [drug.id] };
    if (days > MAX_LONG_PRESCRIPTION_DAYS) {
      out.push({
        ...base,
        id: `duration:${drug.id}:${days}:max`,
        severity: 'refused',
        message: `${drug.name}处方${days}日用量超过长期处方最长12周（84日），不可越过。`,
        messageEn: `${drug.nameEn}: ${days} days' supply exceeds the 12-week (84-day) maximum of a long prescription; this cannot be overridden.`,
      });
    } else if (days > LONG_PRESCRIPTION_DAYS && chronic.length === 0) {
      out.push({
        ...base,
        id: `duration:${drug.id}:${days}:long`,
        severity: 'refused',
        message: `${drug.name}处方${days}日用量超过30日，属长期处方，仅限诊断为慢性病且病情稳定的患者；请添加慢性病诊断或缩短用药天数。`,
        messageEn: `${drug.nameEn}: ${days} days' supply is a long prescription, allowed only for a stable chronic disease; add the chronic diagnosis or shorten the course.`,
      });
    } else if (chronic.length > 0) {
      out.push({
        ...base,
        id: `duration:${drug.id}:${days}:chronic`,
        severity: 'info',
        message: `${drug.name}处方${days}日用量超过7日：慢性病（${chronicText}）延长用量。`,
        messageEn: `${drug.nameEn}: ${days} days' supply beyond 7 days for a chronic disease (${chronic.map((d) => d.en).join(', ')}).`,
      });
    } else {
      out.push({
        ...base,
        id: `duration:${drug.id}:${days}`,
        severity: 'warning',
        message: `${drug.name}处方${days}日用量超过一般7日用量，请注明理由。`,
        messageEn: `${drug.nameEn}: ${days} days' supply exceeds the usual 7 days; state the reason.`,
      });
    }
  }
  return out;
}
