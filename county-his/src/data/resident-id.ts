/**
 * Chinese resident identity card numbers (GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Zhoushan's county-level divisions (舟山市, 3309xx). */
export const ZHOUSHAN_REGIONS = {
  '330902': '定海区',
  '330903': '普陀区',
  '330921': '岱山县',
  '330922': '嵊泗县',
} as const;
export type ZhoushanRegion = keyof typeof ZHOUSHAN_REGIONS;

export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('a resident ID body is 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  const check = CHECK_CHARS[sum % 11];
  if (check === undefined) throw new Error('unreachable');
  return check;
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!isRealDate(id.slice(6, 14))) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17];
}

/** Birth date (YYYY-MM-DD) encoded in a resident ID. */
export function residentIdBirthDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export function makeResidentId(region: string, birthDate: string, sequence: number, sex: 'male' | 'female'): string {
  if (!/^\d{6}$/.test(region)) throw new Error('region code is 6 digits');
  const dob = birthDate.replaceAll('-', '');
  if (!/^\d{8}$/.test(dob) || !isRealDate(dob)) throw new Error(`bad birth date ${birthDate}`);
  // The last digit of the sequence carries the sex: odd for male, even for female.
  let seq = Math.abs(Math.trunc(sequence)) % 1000;
  if ((seq % 2 === 1) !== (sex === 'male')) seq = (seq + 1) % 1000;
  const body = `${region}${dob}${String(seq).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}
