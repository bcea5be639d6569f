/** Age in whole years on `now`'s calendar day in China (UTC+8), the day the clinic and the record panel see. */
export function ageInChina(birthDate: string | null, now: Date = new Date()): number | null {
  const m = birthDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate) : null;
  if (!m) return null;
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const [y, mo, d] = [Number(today.slice(0, 4)), today.slice(5, 7), today.slice(8, 10)];
  const age = y - Number(m[1]) - (`${mo}-${d}` < `${m[2]}-${m[3]}` ? 1 : 0);
  return age >= 0 ? age : null;
}
