import { describe, expect, it } from 'vitest';
import { localName, localUnit } from './local-name';

describe('localName', () => {
  const cardiology = { name: '心血管内科', nameEn: 'Cardiology' };

  it('shows the English name in English mode, the Chinese one otherwise', () => {
    expect(localName(cardiology, 'en')).toBe('Cardiology');
    expect(localName(cardiology, 'en-GB')).toBe('Cardiology');
    expect(localName(cardiology, 'zh-CN')).toBe('心血管内科');
  });

  it('falls back to the Chinese name where the data has no English', () => {
    expect(localName({ name: '盒' }, 'en')).toBe('盒');
    expect(localName({ name: '盒', nameEn: null }, 'en')).toBe('盒');
    expect(localName({ name: '盒', nameEn: '  ' }, 'en')).toBe('盒');
  });

  it('names the formulary’s package and dose units in English, leaving other units as they are', () => {
    expect(localUnit('盒', 'en')).toBe('box');
    expect(localUnit('片', 'en')).toBe('tablet');
    expect(localUnit('盒', 'zh-CN')).toBe('盒');
    expect(localUnit('mg', 'en')).toBe('mg');
  });
});
