/** Anything the data names in Chinese and, where known, in English (institutions, departments, drugs, units). */
export interface Named {
  name: string;
  nameEn?: string | null | undefined;
}

/** The name to show in `language`: the English one in English mode where the data has it, else the Chinese. */
export function localName(item: Named, language: string): string {
  const en = item.nameEn?.trim();
  return language.toLowerCase().startsWith('en') && en ? en : item.name;
}

/** English names of the dose and package units the county formulary uses (it names them in Chinese only). */
const UNIT_EN: Readonly<Record<string, string>> = {
  片: 'tablet',
  粒: 'capsule',
  盒: 'box',
  支: 'ampoule',
  瓶: 'bottle',
  袋: 'sachet',
  贴: 'patch',
  揿: 'puff',
  吸: 'inhalation',
};

/** A dose or package unit (片, 盒 …) in `language`; units without a known English name (mg, ml) stay as they are. */
export function localUnit(unit: string, language: string): string {
  return localName({ name: unit, nameEn: UNIT_EN[unit] }, language);
}
