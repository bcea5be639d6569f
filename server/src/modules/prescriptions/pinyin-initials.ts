import { pinyin } from 'pinyin-pro';

/**
 * Pinyin initials of a Chinese generic name, lower case (氨氯地平 → aldp), computed here so the pad's
 * search works with any FHIR formulary, not only one that carries initials as an extension.
 * pinyin-pro picks the reading of polyphones from the word (地平 → dp, 重组 → cz); characters that
 * are not Chinese (digits, Latin, brackets) are left out. Ingredients of a combination are joined.
 */
export function pinyinInitials(genericNames: readonly string[]): string {
  return genericNames
    .map((name) => pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join(''))
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
