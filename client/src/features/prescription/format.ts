import { DRUG_ROUTES, FREQUENCIES, type Frequency, type RouteCode } from '@cloudclinic/shared';

export const isEnglish = (language: string | undefined) => (language ?? '').startsWith('en');

export function frequencyLabel(code: Frequency, language: string): string {
  const f = FREQUENCIES[code];
  return `${code} · ${isEnglish(language) ? f.en : f.zh}`;
}

export function routeLabel(code: RouteCode, language: string): string {
  return isEnglish(language) ? DRUG_ROUTES[code].en : DRUG_ROUTES[code].zh;
}

/** Date and time in Asia/Shanghai (the hospitals' time), e.g. 2026-11-23 14:05. */
export function shanghaiDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** Age in whole years on the clinic (China) calendar, as the server's dose checks compute it. */
export { ageInYears } from '@cloudclinic/shared';

const trim = (n: number) => String(Number(n.toFixed(3)));

/** "每日一次，每次 5 mg，口服" */
export function directions(item: { frequency: Frequency; dose: { value: number; unit: string }; route: RouteCode }, language: string): string {
  const en = isEnglish(language);
  const f = FREQUENCIES[item.frequency];
  return en
    ? `${trim(item.dose.value)} ${item.dose.unit} ${f.en}, ${DRUG_ROUTES[item.route].en}`
    : `${f.zh}，每次 ${trim(item.dose.value)} ${item.dose.unit}，${DRUG_ROUTES[item.route].zh}`;
}

/** An amount in CNY, e.g. ¥12.30. */
export function yuan(amount: number): string {
  return `¥${amount.toFixed(2)}`;
}
