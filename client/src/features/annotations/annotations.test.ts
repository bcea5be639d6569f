import { describe, expect, it } from 'vitest';
import type { Mark } from '@cloudclinic/shared';
import { EMPTY_MARKS, reduceMarks, simplifyStroke } from './marks-model';
import { MarksPublisher, MarksReceiver } from './marks-sync';
import { contentRect, toNormalized, toPixels } from './video-geometry';

const arrow = (id: string): Mark => ({ id, kind: 'arrow', color: '#ff3b30', from: [0.1, 0.1], to: [0.5, 0.5] });

describe('normalised video coordinates', () => {
  it('put a mark on the same spot of the picture whatever the tile', () => {
    const video = { width: 640, height: 360 };
    // The expert's wide tile (letterboxed left/right) and the field phone in portrait (bars top/bottom).
    const desk = contentRect({ width: 800, height: 300 }, video, 'contain');
    const phone = contentRect({ width: 390, height: 700 }, video, 'contain');
    expect(desk).toMatchObject({ width: 533.3333333333334, height: 300, y: 0 });
    expect(phone.width).toBe(390);
    expect(phone.y).toBeCloseTo((700 - 390 * (360 / 640)) / 2);
    const clicked = toNormalized(desk, desk.x + desk.width * 0.25, desk.height * 0.75);
    expect(clicked[0]).toBeCloseTo(0.25);
    expect(clicked[1]).toBeCloseTo(0.75);
    const [x, y] = toPixels(phone, clicked);
    expect(x).toBeCloseTo(97.5);
    expect(y).toBeCloseTo(phone.y + phone.height * 0.75);
  });

  it('handles cover (cropped) tiles and clamps outside points', () => {
    const r = contentRect({ width: 300, height: 300 }, { width: 640, height: 360 }, 'cover');
    expect(r.height).toBe(300);
    expect(r.x).toBeLessThan(0);
    expect(toNormalized(r, 150, 150)).toEqual([0.5, 0.5]);
    expect(toNormalized(r, -1000, 5000)).toEqual([0, 1]);
  });
});

describe('marks', () => {
  it('add, undo and clear, each a new revision', () => {
    let s = reduceMarks(EMPTY_MARKS, { type: 'add', mark: arrow('a') });
    s = reduceMarks(s, { type: 'add', mark: arrow('b') });
    expect(s.rev).toBe(2);
    s = reduceMarks(s, { type: 'undo' });
    expect(s.marks.map((m) => m.id)).toEqual(['a']);
    s = reduceMarks(s, { type: 'clear' });
    expect(s).toEqual({ rev: 4, marks: [] });
    expect(reduceMarks(s, { type: 'undo' })).toBe(s);
  });

  it('thins freehand strokes but keeps their end', () => {
    const pts = Array.from({ length: 2000 }, (_, i) => [i / 2000, 0.5] as [number, number]);
    const out = simplifyStroke(pts);
    expect(out.length).toBeLessThanOrEqual(512);
    expect(out[0]).toEqual([0, 0.5]);
    expect(out[out.length - 1]?.[0]).toBeGreaterThan(0.99);
  });

  it('are shown on the targeted field doctor only, newest revision per expert', () => {
    const rx = new MarksReceiver('field-user');
    expect(rx.handle('expert', 'marks', JSON.stringify({ type: 'marks', stream: 1, rev: 1, targetUserId: 'field-user', marks: [] }))).toBe(false); // not (yet) an expert present
    rx.retain(new Set(['expert', 'expert2']));
    expect(rx.handle('kiosk', 'marks', JSON.stringify({ type: 'marks', stream: 1, rev: 1, targetUserId: 'field-user', marks: [arrow('x')] }))).toBe(false);
    const msg = (rev: number, marks: Mark[], target = 'field-user', stream = 5) => JSON.stringify({ type: 'marks', stream, rev, targetUserId: target, marks });
    expect(rx.handle('expert', 'marks', msg(2, [arrow('a'), arrow('b')]))).toBe(true);
    expect(rx.handle('expert', 'marks', msg(1, [arrow('a')]))).toBe(false); // older: ignored
    expect(rx.handle('expert', 'marks', msg(2, []))).toBe(false); // the periodic repeat
    expect(rx.handle('expert', 'marks', msg(9, [], 'another-doctor'))).toBe(false);
    expect(rx.handle('expert', 'marks', '{"type":"marks","rev":3,"marks":[{"kind":"bomb"}]}')).toBe(false);
    expect(rx.marks().map((m) => m.id)).toEqual(['a', 'b']);
    expect(rx.handle('expert', 'marks', msg(0, [], 'field-user', 6))).toBe(true); // the expert reloaded: new stream
    expect(rx.marks()).toEqual([]);
    rx.handle('expert2', 'marks', msg(1, [arrow('c')], 'field-user', 7));
    expect(rx.retain(new Set(['expert']))).toBe(true);
    expect(rx.marks()).toEqual([]);
  });
});

describe('marks on the second video source', () => {
  it('travel on their own label, apart from the camera marks', () => {
    const msg = JSON.stringify({ type: 'marks', stream: 1, rev: 1, targetUserId: 'doc', marks: [arrow('u')] });
    const camera = new MarksReceiver('doc');
    const second = new MarksReceiver('doc', 'marks.camera2');
    camera.retain(new Set(['expert']));
    second.retain(new Set(['expert']));
    expect(camera.handle('expert', 'marks.camera2', msg)).toBe(false);
    expect(second.handle('expert', 'marks', msg)).toBe(false);
    expect(second.handle('expert', 'marks.camera2', msg)).toBe(true);
    expect(second.marks().map((m) => m.id)).toEqual(['u']);
  });

  it('are sent on the label asked for', () => {
    const labels: string[] = [];
    const sent: string[] = [];
    const pub = new MarksPublisher({
      sender: (label) => {
        labels.push(label);
        return { label, open: true, send: (d) => (sent.push(String(d)), true), close: () => undefined };
      },
    }, 'marks.camera2');
    pub.publish({ rev: 1, marks: [arrow('v')] }, 'doc');
    pub.close();
    expect(labels).toEqual(['marks.camera2']);
    expect(JSON.parse(sent[0] ?? '{}')).toMatchObject({ rev: 1, targetUserId: 'doc' });
  });
});
