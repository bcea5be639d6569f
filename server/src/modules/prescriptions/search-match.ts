import type { FormularyDrug } from './fhir-formulary';

/** `q` as an in-order subsequence of `s`; the score favours contiguous runs and an early start. */
function subsequenceScore(q: string, s: string): number {
  let pos = -1;
  let first = -1;
  let gaps = 0;
  for (const ch of q) {
    const next = s.indexOf(ch, pos + 1);
    if (next < 0) return 0;
    if (first < 0) first = next;
    else if (next !== pos + 1) gaps += 1;
    pos = next;
  }
  return Math.max(1, 30 - gaps * 4 - first);
}

/**
 * How well a query matches a formulary entry (0: not at all). In order of strength: the formulary
 * code; the pinyin initials of the generic name (computed from the Chinese name: 氨氯地平 → aldp) as a prefix or
 * inside; the Chinese product or generic name; an English word prefix; and last a fuzzy in-order
 * match on the English generic name, so abbreviations such as `amld` find amlodipine.
 */
export function rankMatch(query: string, drug: FormularyDrug): number {
  const q = query.toLowerCase();
  if (drug.code.toLowerCase() === q) return 200;
  if (drug.pinyin && drug.pinyin.startsWith(q)) return 150 - (drug.pinyin.length - q.length);
  if (drug.generic.zh.includes(query)) return 125 - drug.generic.zh.indexOf(query);
  if (drug.name.includes(query)) return 120 - drug.name.indexOf(query);
  if (q.length >= 2 && drug.pinyin.includes(q)) return 100;
  const en = `${drug.generic.en} ${drug.nameEn}`.toLowerCase();
  if (en.split(/[^a-z0-9]+/).some((w) => w.startsWith(q))) return 90;
  if (q.length >= 3 && /^[a-z]+$/.test(q)) {
    const fuzzy = Math.max(...drug.ingredients.map((i) => subsequenceScore(q, i.key)));
    if (fuzzy > 0) return 40 + fuzzy;
  }
  return 0;
}
