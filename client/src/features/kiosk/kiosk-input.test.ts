import { describe, expect, it, vi } from 'vitest';
import { spokenName, speakCallOut } from './call-out';
import { checkEntry, CODE_KEYS, displayEntry, normalizeEntry } from './checkin-input';
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
    const body = { status: 'ok', version: '1', uptimeSeconds: 1, database: { ok: true, kind: 'pglite' }, sfu: { workers: 1, liveWorkers: 1, rooms: 0 }, media: { announced: ['127.0.0.1'], selfTest: null }, integrations: {} };
    let t = 1000;
    const fetchOk = vi.fn(async () => {
      t += 42;
      return Response.json(body);
    });
    await expect(pingHealth(fetchOk, () => t)).resolves.toEqual({ ok: true, rttMs: 42, quality: 'good' });
    expect(fetchOk).toHaveBeenCalledWith('/api/health', expect.objectContaining({ cache: 'no-store' }));
    const brokenMedia = { ...body, status: 'degraded', media: { announced: ['127.0.0.1'], selfTest: { ok: false, at: '2026-12-06T00:00:00Z', checks: [] } } };
    await expect(pingHealth(async () => Response.json(brokenMedia, { status: 503 }))).resolves.toEqual({ ok: false, reason: 'degraded' });
    // The PACS or the HIS down degrades the server, but the visit itself can go on.
    await expect(pingHealth(async () => Response.json({ ...body, status: 'degraded' }, { status: 503 }))).resolves.toMatchObject({ ok: true });
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

describe('what the kiosk shows of what was typed', () => {
  it('shows the resident ID as digits while typing and masks only the middle once complete', () => {
    expect(displayEntry('resident_id', '3309')).toBe('3309');
    expect(displayEntry('resident_id', '33092219560312013X')).toBe('330922********013X');
    expect(displayEntry('resident_id', '330922195603120131')).toBe('330922195603120131');
  });
  it('offers no I or O key for appointment codes and reads a typed O as 0', () => {
    expect(CODE_KEYS).not.toContain('I');
    expect(CODE_KEYS).not.toContain('O');
    expect(normalizeEntry('code', 'xn1123o1')).toBe('XN112301');
  });
});
