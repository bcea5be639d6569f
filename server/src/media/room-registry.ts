import { AppError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { Room } from './room';
import { localPlacement, type RoomPlacement } from './room-placement';
import type { RoomSpan } from './room-span';
import type { WorkerPool } from './worker-pool';

/**
 * All live rooms of this process, by consultation id. Creation is serialised per id, so two peers
 * joining at once share one Router.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly pending = new Map<string, Promise<Room>>();

  constructor(
    private readonly pool: WorkerPool,
    private readonly log: Logger,
    /** Several nodes: a room is opened here only if no other live node has it. */
    private readonly placement: RoomPlacement = localPlacement('local'),
    /** Set (ROOM_SPAN=on): a room held by another node is opened here too, linked to it, instead of `wrong_node`. */
    private readonly span: RoomSpan | null = null,
  ) {
    span?.serve((id) => this.rooms.get(id));
  }

  get size(): number {
    return this.rooms.size;
  }

  get(id: string): Room | undefined {
    return this.rooms.get(id);
  }

  all(): Room[] {
    return [...this.rooms.values()];
  }

  /** Whether this node is draining: no room is joined or opened here any more (see `RoomPlacement`). */
  get draining(): boolean {
    return this.placement.draining;
  }

  async getOrCreate(id: string): Promise<Room> {
    const existing = this.rooms.get(id);
    // Draining: even a room still open here is being moved; the placement names where to go.
    if (existing && !existing.closed && !this.placement.draining) return existing;
    const inFlight = this.pending.get(id);
    if (inFlight) return inFlight;
    const creating = this.place(id)
      .then(async (home) => {
        const room = await Room.create(id, this.pool.pick(), this.log);
        if (home === null || !this.span) return room;
        try {
          await this.span.link(room, home);
        } catch {
          // The home node cannot be linked: the client moves there, as without ROOM_SPAN.
          room.close('shutdown');
          throw new AppError('wrong_node', 'This consultation’s room is on another node', { node: home });
        }
        return room;
      })
      .then((room) => {
        this.rooms.set(id, room);
        room.once('closed', () => {
          if (this.rooms.get(id) === room) this.rooms.delete(id);
          this.placement.release(id).catch((err: unknown) => this.log.warn({ err, consultationId: id }, 'room placement not released'));
        });
        return room;
      })
      .finally(() => this.pending.delete(id));
    this.pending.set(id, creating);
    return creating;
  }

  /** Null: the room is placed here; a node's name: the room's home, to link this (satellite) room to. */
  private async place(id: string): Promise<string | null> {
    let claim;
    try {
      claim = await this.placement.claim(id);
    } catch (err) {
      this.log.warn({ err, consultationId: id }, 'room placement unavailable');
      throw new AppError('unavailable', 'Room placement is unavailable; retry');
    }
    if (claim.ok) return null;
    if (this.span && !this.placement.draining) return claim.node;
    throw new AppError('wrong_node', 'This consultation’s room is on another node', { node: claim.node });
  }

  close(): void {
    for (const room of this.all()) room.close('shutdown');
  }
}
