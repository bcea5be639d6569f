import type { ImagingMeasurement, ImagingMember, ImagingSession, ImagingState, ImagingView } from '@cloudclinic/shared';
import { AppError, forbidden } from '../../lib/errors';

interface Viewing {
  members: Map<string, ImagingMember>;
  presenterId: string | null;
  state: ImagingState;
}

/**
 * The shared viewing of each consultation: who is looking, who presents, and the last state the
 * presenter sent (study, series, slice, window, camera, cine, measurements). Plain in-memory
 * state, one process: the socket handlers relay; this class decides. Any member may take the
 * presenter role; only the presenter may change the state or hand the role over. A viewing is
 * forgotten when its last member leaves.
 */
export class SharedViewing {
  private readonly viewings = new Map<string, Viewing>();

  get size(): number {
    return this.viewings.size;
  }

  join(consultationId: string, member: ImagingMember): { session: ImagingSession; state: ImagingState } {
    let v = this.viewings.get(consultationId);
    if (!v) {
      v = { members: new Map(), presenterId: null, state: { rev: 0, view: null, measurements: [] } };
      this.viewings.set(consultationId, v);
    }
    v.members.set(member.memberId, member);
    return { session: this.sessionOf(v), state: v.state };
  }

  /** Returns the session after the member left, or null when the viewing closed with it. */
  leave(consultationId: string, memberId: string): ImagingSession | null {
    const v = this.viewings.get(consultationId);
    if (!v || !v.members.delete(memberId)) return v ? this.sessionOf(v) : null;
    if (v.presenterId === memberId) v.presenterId = null;
    if (v.members.size === 0) {
      this.viewings.delete(consultationId);
      return null;
    }
    return this.sessionOf(v);
  }

  isMember(consultationId: string, memberId: string): boolean {
    return this.viewings.get(consultationId)?.members.has(memberId) ?? false;
  }

  present(consultationId: string, memberId: string): ImagingSession {
    const v = this.memberOf(consultationId, memberId);
    v.presenterId = memberId;
    return this.sessionOf(v);
  }

  handOver(consultationId: string, memberId: string, toMemberId: string): ImagingSession {
    const v = this.presenterOf(consultationId, memberId);
    if (!v.members.has(toMemberId)) throw new AppError('not_found', 'That participant is not in the shared viewing');
    v.presenterId = toMemberId;
    return this.sessionOf(v);
  }

  release(consultationId: string, memberId: string): ImagingSession {
    const v = this.presenterOf(consultationId, memberId);
    v.presenterId = null;
    return this.sessionOf(v);
  }

  /** Presenter only: replaces the view and/or the measurements; returns the new state. */
  update(consultationId: string, memberId: string, change: { view?: ImagingView | undefined; measurements?: ImagingMeasurement[] | undefined }): ImagingState {
    const v = this.presenterOf(consultationId, memberId);
    if (change.view === undefined && change.measurements === undefined) return v.state;
    v.state = {
      rev: v.state.rev + 1,
      view: change.view ?? v.state.view,
      measurements: change.measurements ?? v.state.measurements,
    };
    return v.state;
  }

  /** Presenter only (the pointer is relayed, never kept). */
  assertPresenter(consultationId: string, memberId: string): void {
    this.presenterOf(consultationId, memberId);
  }

  private memberOf(consultationId: string, memberId: string): Viewing {
    const v = this.viewings.get(consultationId);
    if (!v || !v.members.has(memberId)) throw new AppError('invalid_state', 'Join the shared viewing first');
    return v;
  }

  private presenterOf(consultationId: string, memberId: string): Viewing {
    const v = this.memberOf(consultationId, memberId);
    if (v.presenterId !== memberId) throw forbidden('Only the presenter may do this');
    return v;
  }

  private sessionOf(v: Viewing): ImagingSession {
    return {
      presenter: v.presenterId ? (v.members.get(v.presenterId) ?? null) : null,
      members: [...v.members.values()],
    };
  }
}
