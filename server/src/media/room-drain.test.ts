import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../lib/logger';
import type { Notify } from './peer';
import { drainRooms, type DrainableRoom } from './room-drain';

const log = createLogger('silent');

/** Rooms that empty themselves when `leave()` is called (as peers leaving close a room). */
function roomsOf(rooms: DrainableRoom[]) {
  const open = [...rooms];
  return {
    get size() {
      return open.length;
    },
    all: () => [...open],
    leave: () => open.splice(0),
  };
}

function room(id: string, peers: number) {
  const notified: { method: string; data: unknown }[] = [];
  const notify: Notify = (method, data) => {
    notified.push({ method, data });
  };
  const map = new Map(Array.from({ length: peers }, (_, i) => [`p${i}`, { notify }]));
  return { room: { id, closed: false, peers: map }, notified };
}

describe('drainRooms', () => {
  it('gives up the placement first, tells every participant of every room its room’s node, and ends once the rooms are empty', async () => {
    const steps: string[] = [];
    const a = room('c-1', 2);
    const b = room('c-2', 1);
    const rooms = roomsOf([a.room, b.room]);
    const placement = {
      drain: vi.fn(async () => void steps.push('drain')),
      successor: vi.fn(async (id: string) => (steps.push(`successor ${id}`), id === 'c-1' ? 'node2' : 'node3')),
    };
    setTimeout(() => rooms.leave(), 200);
    const result = await drainRooms(rooms, placement, 5000, log);
    expect(steps[0]).toBe('drain');
    expect(a.notified).toEqual([
      { method: 'room.move', data: { node: 'node2' } },
      { method: 'room.move', data: { node: 'node2' } },
    ]);
    expect(b.notified).toEqual([{ method: 'room.move', data: { node: 'node3' } }]);
    expect(result.remaining).toBe(0);
    expect(result.tookMs).toBeLessThan(2000);
  });

  it('stops waiting at the limit, reporting the rooms left; with no live node the participants are told to use the balancer', async () => {
    const a = room('c-1', 1);
    const placement = { drain: async () => undefined, successor: async () => Promise.reject(new Error('redis down')) };
    const result = await drainRooms(roomsOf([a.room]), placement, 300, log);
    expect(a.notified).toEqual([{ method: 'room.move', data: { node: null } }]);
    expect(result.remaining).toBe(1);
    expect(result.tookMs).toBeGreaterThanOrEqual(300);
  });
});
