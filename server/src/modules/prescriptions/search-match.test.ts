import { describe, expect, it } from 'vitest';
import { rankMatch } from './search-match';
import { allFormulary } from './test-fixtures';

const search = (q: string) =>
  allFormulary()
    .map((d) => ({ d, s: rankMatch(q, d) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .map((x) => x.d.id);

describe('formulary search', () => {
  it('finds 氨氯地平 by its pinyin initials (aldp), by the abbreviation amld, by Chinese and English name and by code', () => {
    expect(search('aldp')[0]).toBe('amlodipine-5mg-tab');
    expect(search('amld')[0]).toBe('amlodipine-5mg-tab');
    expect(search('氨氯地平')[0]).toBe('amlodipine-5mg-tab');
    expect(search('amlo')[0]).toBe('amlodipine-5mg-tab');
    expect(search('F0101')).toEqual(['amlodipine-5mg-tab']);
  });

  it('阿莫西林 finds both amoxicillin products; pinyin prefixes work (amxl)', () => {
    expect(search('阿莫西林').slice(0, 2).sort()).toEqual(['amoxicillin-250mg-cap', 'amoxicillin-clavulanate-457mg-tab']);
    expect(search('amxl')[0]).toBe('amoxicillin-250mg-cap');
  });

  it('finds nothing for nonsense', () => {
    expect(search('zzzzqq')).toEqual([]);
  });
});
