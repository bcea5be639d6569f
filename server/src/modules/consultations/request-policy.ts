import type { ConsultationRequestView, RequestStatus, Role } from '@cloudclinic/shared';
import { forbidden, invalidState } from '../../lib/errors';

/** The account acting on a request, as the database knows it (the department is not in the token). */
export interface RequestActor {
  id: string;
  role: Role;
  institutionId: string;
  departmentId: string | null;
}

/** The parts of a request the rules read. */
export interface RequestFacts {
  institutionId: string;
  requestedById: string;
  departmentId: string | null;
  wantedExpertIds: readonly string[];
  proposedExpertIds: readonly string[];
  status: RequestStatus;
  /** The consultation it became has started (or ended): too late to cancel. */
  started: boolean;
}

export type RequestAction = ConsultationRequestView['actions'][number];

const OPEN: readonly RequestStatus[] = ['submitted', 'time_proposed'];

/**
 * Who sees and does what with a 远程会诊申请 (the one policy place for requests):
 *  - county doctors file for their institution's patients and see their institution's requests; the
 *    filer answers a proposed time and cancels until the consultation starts;
 *  - the provincial coordinator (an admin account) sees every request and handles it;
 *  - an expert sees and handles the requests of their department, those naming them, and those they
 *    were assigned to (or proposed for);
 *  - kiosks, pharmacists and field doctors have no part in requests.
 */
export const RequestPolicy = {
  assertMayUse(actor: RequestActor): void {
    if (actor.role !== 'county_doctor' && actor.role !== 'expert' && actor.role !== 'admin') throw forbidden('Consultation requests are for county doctors, experts and coordinators');
  },

  /** The database filter of the requests this actor sees. */
  visible(actor: RequestActor) {
    RequestPolicy.assertMayUse(actor);
    if (actor.role === 'admin') return {};
    if (actor.role === 'county_doctor') return { institutionId: actor.institutionId };
    return {
      OR: [
        ...(actor.departmentId ? [{ departmentId: actor.departmentId }] : []),
        { wantedExpertIds: { has: actor.id } },
        { proposedExpertIds: { has: actor.id } },
      ],
    };
  },

  sees(actor: RequestActor, r: RequestFacts): boolean {
    if (actor.role === 'admin') return true;
    if (actor.role === 'county_doctor') return actor.institutionId === r.institutionId;
    if (actor.role !== 'expert') return false;
    return (actor.departmentId !== null && actor.departmentId === r.departmentId) || r.wantedExpertIds.includes(actor.id) || r.proposedExpertIds.includes(actor.id);
  },

  /** The provincial side of this request: the coordinator, an expert of the department asked, or an expert named. */
  handles(actor: RequestActor, r: RequestFacts): boolean {
    if (actor.role === 'admin') return true;
    return actor.role === 'expert' && ((actor.departmentId !== null && actor.departmentId === r.departmentId) || r.wantedExpertIds.includes(actor.id));
  },

  actions(actor: RequestActor, r: RequestFacts): RequestAction[] {
    const out: RequestAction[] = [];
    if (RequestPolicy.handles(actor, r) && OPEN.includes(r.status)) out.push('schedule', 'decline');
    if (RequestPolicy.handles(actor, r) && r.status === 'submitted') out.push('propose');
    if (actor.id === r.requestedById && r.status === 'time_proposed') out.push('respond');
    if (actor.id === r.requestedById && (OPEN.includes(r.status) || (r.status === 'scheduled' && !r.started))) out.push('cancel');
    return out;
  },

  /** 403 for those who may not see it or may not act on it, 409 for an action its state does not allow. */
  assertMay(actor: RequestActor, r: RequestFacts, action: RequestAction): void {
    if (!RequestPolicy.sees(actor, r)) throw forbidden('This request is not yours to see');
    if (RequestPolicy.actions(actor, r).includes(action)) return;
    const mine = action === 'respond' || action === 'cancel' ? actor.id === r.requestedById : RequestPolicy.handles(actor, r);
    if (!mine) throw forbidden(action === 'respond' || action === 'cancel' ? 'Only the doctor who filed the request may do this' : 'Only the coordinator or the experts asked may handle this request');
    throw invalidState(`A request that is ${r.status}${r.started ? ' (its consultation has started)' : ''} cannot be ${action === 'respond' ? 'answered' : `${action}d`}`);
  },
};
