import { ERROR_STATUS } from '@cloudclinic/shared';
import { describe, expect, it } from 'vitest';
import type { ClientErrorCode } from '../api/api-error';
import { en } from './en';
import { errorMessageKey } from './error-messages';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, readStoredLanguage, storeLanguage } from './language';
import { zhCN } from './zh-CN';

/** All leaf keys as dotted paths, e.g. `login.username`. */
function flatten(obj: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') for (const [k, v] of flatten(value as object, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

function lookup(messages: object, key: string): unknown {
  const leaves = flatten(messages);
  return leaves.get(key);
}

describe('translations', () => {
  const zhLeaves = flatten(zhCN);
  const enLeaves = flatten(en);

  it('zh-CN and en have identical key sets', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...zhLeaves.keys()].sort());
  });

  it('every message is a non-empty string in both languages', () => {
    for (const [key, value] of [...zhLeaves, ...enLeaves]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('interpolation placeholders match between languages', () => {
    const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of zhLeaves) expect(placeholders(enLeaves.get(key)), key).toEqual(placeholders(value));
  });
});

describe('error messages', () => {
  const clientCodes: ClientErrorCode[] = ['network', 'bad_response'];
  const allCodes = [...Object.keys(ERROR_STATUS), ...clientCodes, 'missing_credentials'];

  it('every server and client error code has its own message', () => {
    for (const code of allCodes) expect(errorMessageKey(code), code).toBe(`errors.${code}`);
  });

  it('uses the specified Chinese wording for login errors', () => {
    expect(lookup(zhCN, errorMessageKey('invalid_credentials'))).toBe('用户名或密码错误');
    expect(lookup(zhCN, errorMessageKey('account_locked'))).toBe('账户已锁定，请15分钟后再试');
    expect(lookup(zhCN, errorMessageKey('network'))).toMatch(/^网络连接失败/);
  });

  it('falls back to errors.unknown for unknown codes', () => {
    expect(errorMessageKey('something_new')).toBe('errors.unknown');
    expect(errorMessageKey('toString')).toBe('errors.unknown');
  });
});

describe('language preference', () => {
  function memory() {
    const data = new Map<string, string>();
    return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
  }

  it('defaults to zh-CN', () => {
    expect(DEFAULT_LANGUAGE).toBe('zh-CN');
    expect(readStoredLanguage(memory())).toBe('zh-CN');
    expect(readStoredLanguage(null)).toBe('zh-CN');
  });

  it('round-trips the stored choice and ignores unsupported values', () => {
    const storage = memory();
    storeLanguage(storage, 'en');
    expect(storage.data.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(readStoredLanguage(storage)).toBe('en');
    storage.data.set(LANGUAGE_STORAGE_KEY, 'fr');
    expect(readStoredLanguage(storage)).toBe('zh-CN');
  });
});
