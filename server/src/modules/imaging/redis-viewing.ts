import { ImagingMemberSchema, ImagingStateSchema, type ImagingMember, type ImagingSession, type ImagingState } from '@cloudclinic/shared';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { PRESENCE_KEY } from '../../lib/node-presence';
import { VIEWING_SCRIPT } from './redis-viewing-script';
import { noSuchMember, notMember, notPresenter, type SharedViewing, type ViewingChange } from './shared-viewing';

/** A viewing nobody touched for this long is dropped (its nodes all died without a last leave). */
const KEY_LIFETIME_MS = 7 * 24 * 3600 * 1000;

const jsonText = z.string().transform((s, ctx) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not JSON' });
    return z.NEVER;
  }
});
/** A member as stored: its 12-digit join number, then its JSON. */
const StoredMember = z.string().regex(/^\d{12}\{/);
const ReplySchema = z.union([
  z.tuple([z.enum(['closed', 'not_member', 'not_presenter', 'no_target'])]),
  z.tuple([z.literal('ok'), z.string(), z.string(), jsonText, jsonText, z.string()]).rest(StoredMember),
]);
const membersOf = (stored: string[]) => stored.sort().map((m) => jsonText.pipe(ImagingMemberSchema).parse(m.slice(12)));

interface Snapshot {
  session: ImagingSession;
  state: ImagingState;
  /** Members dropped because their node is gone. */
  pruned: number;
}

/**
 * The shared viewings of a cluster in Redis: every node sees the same members, presenter,
 * revision and state, whichever node each member's socket is on. Each step is one Lua script
 * (atomic: the revision only goes up, only the presenter updates or hands over). Members carry the
 * node of their socket; when that node stops announcing itself (node-presence.ts), they are dropped
 * at the next step, and the presenter role with them.
 */
export class RedisViewing implements SharedViewing {
  constructor(
    private readonly redis: Redis,
    private readonly nodeId: string,
  ) {}

  async join(consultationId: string, member: ImagingMember) {
    const s = await this.step(consultationId, 'join', member.memberId, JSON.stringify(member), this.nodeId);
    if (!s) throw new AppError('internal', 'The shared viewing closed while joining');
    return { session: s.session, state: s.state };
  }

  async leave(consultationId: string, memberId: string) {
    return (await this.step(consultationId, 'leave', memberId))?.session ?? null;
  }

  present(consultationId: string, memberId: string) {
    return this.session(consultationId, 'present', memberId);
  }

  handOver(consultationId: string, memberId: string, toMemberId: string) {
    return this.session(consultationId, 'handOver', memberId, toMemberId);
  }

  release(consultationId: string, memberId: string) {
    return this.session(consultationId, 'release', memberId);
  }

  async update(consultationId: string, memberId: string, change: ViewingChange) {
    const view = change.view === undefined ? '' : JSON.stringify(change.view);
    const measurements = change.measurements === undefined ? '' : JSON.stringify(change.measurements);
    const s = await this.step(consultationId, 'update', memberId, view, measurements);
    if (!s) throw notMember();
    return s.state;
  }

  private async session(consultationId: string, op: string, memberId: string, arg = '') {
    const s = await this.step(consultationId, op, memberId, arg);
    if (!s) throw notMember();
    return s.session;
  }

  private async step(consultationId: string, op: string, memberId: string, a = '', b = ''): Promise<Snapshot | null> {
    const base = `cloudclinic:viewing:${consultationId}`;
    let raw: unknown;
    try {
      raw = await this.redis.eval(VIEWING_SCRIPT, 4, base, `${base}:members`, `${base}:owners`, PRESENCE_KEY, op, memberId, a, b, String(KEY_LIFETIME_MS));
    } catch {
      throw new AppError('unavailable', 'The shared viewing is unavailable for a moment (Redis); try again');
    }
    const reply = ReplySchema.parse(raw);
    if (reply[0] === 'closed') return null;
    if (reply[0] === 'not_member') throw notMember();
    if (reply[0] === 'not_presenter') throw notPresenter();
    if (reply[0] === 'no_target') throw noSuchMember();
    const [, presenterId, rev, view, measurements, pruned, ...stored] = reply;
    const members = membersOf(stored);
    return {
      session: { presenter: members.find((m) => m.memberId === presenterId) ?? null, members },
      state: ImagingStateSchema.parse({ rev: Number(rev), view, measurements }),
      pruned: Number(pruned),
    };
  }
}
