import { describe, expect, it, vi } from 'vitest';
import { spokenName, speakCallOut } from './call-out';
import { checkEntry, normalizeEntry } from './checkin-input';
import { classifyMediaError, connectionQuality, levelFromTimeDomain, pingHealth } from './device-check';

describe('check-in entry', () => {
  it('normalises typed or scanned codes', () => {
    expect(normalizeEntry('code', ' ab-cd 23 ')).toBe('ABCD23');
    expect(checkEntry('code', 'AB')).toEqual({ state: 'incomplete', remaining: 2 });
    expect(checkEntry('code', 'ABCD23')).toEqual({ state: 'valid', masked: null });
  });

  it('accepts 17 digits plus a check character and shows a valid ID masked', () => {
    expect(normalizeEntry('resident_id', '3309 2219 5603 1201 3x')).toBe('33092219560312013X');
    expect(normalizeEntry('resident_id', '33X0')).toBe('330');
    expect(checkEntry('resident_id', '3309221956')).toEqual({ state: 'incomplete', remaining: 8 });
    expect(checkEntry('resident_id', '33092219560312013X')).toEqual({ state: 'valid', masked: '330922********013X' });
    expect(checkEntry('resident_id', '330922195603120131')).toEqual({ state: 'invalid' });
  });
});

describe('device check', () => {
  it('maps getUserMedia errors to a recovery category', () => {
    expect(classifyMediaError(new DOMException('x', 'NotAllowedError'))).toBe('permission_denied');
    expect(classifyMediaError(new DOMException('x', 'NotFoundError'))).toBe('not_found');
    expect(classifyMediaError(new DOMException('x', 'NotReadableError'))).toBe('device_in_use');
    expect(classifyMediaError('weird')).toBe('other');
  });

  it('computes a level from time-domain samples', () => {
    expect(levelFromTimeDomain(new Uint8Array(64).fill(128))).toBe(0);
    expect(levelFromTimeDomain(Uint8Array.from({ length: 64 }, (_, i) => (i % 2 ? 192 : 64)))).toBe(1);
  });

  it('pings /api/health and reports the round-trip time', async () => {
    const body = { status: 'ok', version: '1', uptimeSeconds: 1, database: { ok: true, kind: 'pglite' }, sfu: { workers: 1, liveWorkers: 1, rooms: 0 }, integrations: {} };
    let t = 1000;
    const fetchOk = vi.fn(async () => {
      t += 42;
      return Response.json(body);
    });
    await expect(pingHealth(fetchOk, () => t)).resolves.toEqual({ ok: true, rttMs: 42, quality: 'good' });
    expect(fetchOk).toHaveBeenCalledWith('/api/health', expect.objectContaining({ cache: 'no-store' }));
    await expect(pingHealth(async () => Response.json({ ...body, status: 'degraded' }, { status: 503 }))).resolves.toEqual({ ok: false, reason: 'degraded' });
    await expect(pingHealth(() => Promise.reject(new TypeError('offline')))).resolves.toEqual({ ok: false, reason: 'offline' });
    expect(connectionQuality(450)).toBe('fair');
    expect(connectionQuality(1500)).toBe('poor');
  });
});

describe('call-out', () => {
  it('speaks twice in zh-CN, reading the masked name naturally', () => {
    const spoken: { text: string; lang: string }[] = [];
    class FakeUtterance {
      lang = '';
      rate = 1;
      constructor(readonly text: string) {}
    }
    const synth = { cancel: vi.fn(), speak: vi.fn((u: { text: string; lang: string }) => void spoken.push({ text: u.text, lang: u.lang })) };
    const env = { speechSynthesis: synth, SpeechSynthesisUtterance: FakeUtterance as unknown as typeof SpeechSynthesisUtterance };
    expect(speakCallOut(`请 ${spokenName('王*国')} 进入云诊室`, env)).toBe(true);
    expect(spoken).toEqual([
      { text: '请 王某国 进入云诊室', lang: 'zh-CN' },
      { text: '请 王某国 进入云诊室', lang: 'zh-CN' },
    ]);
  });

  it('does nothing when speech synthesis is missing', () => {
    expect(speakCallOut('请', {})).toBe(false);
  });
});
