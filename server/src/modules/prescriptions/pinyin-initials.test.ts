import { describe, expect, it } from 'vitest';
import { parseMedication } from './fhir-formulary';
import { HIS_EXT } from './his-port';
import { pinyinInitials } from './pinyin-initials';
import { rankMatch } from './search-match';
import { allFormulary, hisResources } from './test-fixtures';

describe('pinyin initials from the Chinese generic name', () => {
  it('computes the initials the pharmacy types, polyphones included', () => {
    expect(pinyinInitials(['氨氯地平'])).toBe('aldp');
    expect(pinyinInitials(['阿莫西林'])).toBe('amxl');
    expect(pinyinInitials(['二甲双胍'])).toBe('ejsg');
    expect(pinyinInitials(['地西泮'])).toBe('dxp');
    expect(pinyinInitials(['碘[131I]化钠'])).toBe('dhn');
    expect(pinyinInitials(['阿莫西林', '克拉维酸'])).toBe('amxlklws');
  });

  it('finds 氨氯地平 by aldp in a FHIR formulary that carries no pinyin extension', () => {
    const raw = hisResources().find((r) => r.resourceType === 'Medication' && r.id === 'amlodipine-5mg-tab') as { extension?: { url: string }[] };
    const bare = { ...raw, extension: (raw.extension ?? []).filter((e) => e.url !== HIS_EXT.pinyin) };
    const drug = parseMedication(bare);
    expect(drug?.pinyin).toBe('aldp');
    expect(drug && rankMatch('aldp', drug)).toBeGreaterThan(100);
  });

  it('agrees with the initials the county simulator typed by hand for almost every product', () => {
    const drugs = allFormulary();
    const typed = new Map(
      hisResources()
        .filter((r) => r.resourceType === 'Medication')
        .map((r) => {
          const m = r as { id?: string; extension?: { url: string; valueString?: string }[] };
          return [m.id ?? '', m.extension?.find((e) => e.url === HIS_EXT.pinyin)?.valueString ?? ''] as const;
        }),
    );
    const same = drugs.filter((d) => typed.get(d.id) === d.pinyin).length;
    expect(same / drugs.length).toBeGreaterThan(0.8);
  });
});
