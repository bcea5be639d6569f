import { z } from 'zod';

/** Words that say nothing when given as a reason (a test, a placeholder, a bare yes). */
const EMPTY_WORDS = new Set(['测试', '测试一下', '试试', '无', '没有', '同意', '好', '好的', '是', '可以', '知道了', '已知', '确认', 'test', 'testing', 'ok', 'okay', 'yes', 'na', 'n/a', 'none', 'asdf', 'qwer', 'xxx']);

/**
 * Whether a free-text reason has substance: at least 4 Chinese characters or 12 letters and digits,
 * not a placeholder word, not one character repeated.
 */
export function reasonHasSubstance(text: string): boolean {
  const t = text.trim().toLowerCase();
  const plain = t.replace(/[\s\p{P}\p{S}]/gu, '');
  if (EMPTY_WORDS.has(plain) || EMPTY_WORDS.has(t)) return false;
  if (new Set(plain).size < 3) return false;
  const han = (plain.match(/\p{Script=Han}/gu) ?? []).length;
  const other = plain.length - han;
  return han >= 4 || other >= 12 || han * 3 + other >= 12;
}

/** A reason a person signs (an override, an acknowledgement): free text of substance. */
export const ReasonTextSchema = z
  .string()
  .trim()
  .max(500)
  .refine(reasonHasSubstance, 'give a reason of substance (at least 4 Chinese characters or 12 letters), not a placeholder such as “测试”');
