import type { ImagingMeasurement, ImagingMember, ImagingSession, ImagingState, ImagingView } from '@cloudclinic/shared';
import { AppError, forbidden } from '../../lib/errors';

export interface ViewingChange {
  view?: ImagingView | undefined;
  measurements?: ImagingMeasurement[] | undefined;
}

/**
 * The shared viewing of each consultation: who is looking, who presents, and the last state the
 * presenter sent (study, series, slice, window, camera, cine, measurements). The socket handlers
 * relay; this decides. Any member may take the presenter role; only the presenter may change the
 * state or hand the role over. A viewing is forgotten when its last member leaves. One node keeps
 * it in memory (`MemoryViewing`); several share it in Redis (`RedisViewing`, redis-viewing.ts).
 * A member who is not (or no longer) in the viewing gets `invalid_state`; a member who does not
 * present, `forbidden`.
 */
export interface SharedViewing {
  join(consultationId: string, member: ImagingMember): Promise<{ session: ImagingSession; state: ImagingState }>;
  /** Returns the session after the member left, or null when the viewing closed with it. */
  leave(consultationId: string, memberId: string): Promise<ImagingSession | null>;
  present(consultationId: string, memberId: string): Promise<ImagingSession>;
  handOver(consultationId: string, memberId: string, toMemberId: string): Promise<ImagingSession>;
  release(consultationId: string, memberId: string): Promise<ImagingSession>;
  /** Presenter only: replaces the view and/or the measurements; returns the new state (an empty change only checks the role). */
  update(consultationId: string, memberId: string, change: ViewingChange): Promise<ImagingState>;
}

export const notMember = () => new AppError('invalid_state', 'Join the shared viewing first');
export const notPresenter = () => forbidden('Only the presenter may do this');
export const noSuchMember = () => new AppError('not_found', 'That participant is not in the shared viewing');

interface Viewing {
  members: Map<string, ImagingMember>;
  presenterId: string | null;
  state: ImagingState;
}

/** One process: plain maps. */
export class MemoryViewing implements SharedViewing {
  private readonly viewings = new Map<string, Viewing>();

  get size(): number {
    return this.viewings.size;
  }

  join(consultationId: string, member: ImagingMember) {
    let v = this.viewings.get(consultationId);
    if (!v) {
      v = { members: new Map(), presenterId: null, state: { rev: 0, view: null, measurements: [] } };
      this.viewings.set(consultationId, v);
    }
    v.members.set(member.memberId, member);
    return Promise.resolve({ session: sessionOf(v), state: v.state });
  }

  leave(consultationId: string, memberId: string) {
    const v = this.viewings.get(consultationId);
    if (!v || !v.members.delete(memberId)) return Promise.resolve(v ? sessionOf(v) : null);
    if (v.presenterId === memberId) v.presenterId = null;
    if (v.members.size > 0) return Promise.resolve(sessionOf(v));
    this.viewings.delete(consultationId);
    return Promise.resolve(null);
  }

  present(consultationId: string, memberId: string) {
    return this.run(() => {
      const v = this.memberOf(consultationId, memberId);
      v.presenterId = memberId;
      return sessionOf(v);
    });
  }

  handOver(consultationId: string, memberId: string, toMemberId: string) {
    return this.run(() => {
      const v = this.presenterOf(consultationId, memberId);
      if (!v.members.has(toMemberId)) throw noSuchMember();
      v.presenterId = toMemberId;
      return sessionOf(v);
    });
  }

  release(consultationId: string, memberId: string) {
    return this.run(() => {
      const v = this.presenterOf(consultationId, memberId);
      v.presenterId = null;
      return sessionOf(v);
    });
  }

  update(consultationId: string, memberId: string, change: ViewingChange) {
    return this.run(() => {
      const v = this.presenterOf(consultationId, memberId);
      if (change.view === undefined && change.measurements === undefined) return v.state;
      v.state = { rev: v.state.rev + 1, view: change.view ?? v.state.view, measurements: change.measurements ?? v.state.measurements };
      return v.state;
    });
  }

  private run<T>(fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private memberOf(consultationId: string, memberId: string): Viewing {
    const v = this.viewings.get(consultationId);
    if (!v || !v.members.has(memberId)) throw notMember();
    return v;
  }

  private presenterOf(consultationId: string, memberId: string): Viewing {
    const v = this.memberOf(consultationId, memberId);
    if (v.presenterId !== memberId) throw notPresenter();
    return v;
  }
}

function sessionOf(v: Viewing): ImagingSession {
  return { presenter: v.presenterId ? (v.members.get(v.presenterId) ?? null) : null, members: [...v.members.values()] };
}
