import type { AccessClaims } from '@cloudclinic/shared';
import { forbidden } from '../../lib/errors';

interface SessionScope {
  expertId: string;
  institutions: { institutionId: string }[];
}

/**
 * Who may see what of a clinic session, per object:
 *  - admins (coordinators) see and manage everything;
 *  - the session's expert sees and runs its whole queue;
 *  - county doctors see only appointments of their own institution, and only for sessions that serve it;
 *  - a kiosk (a public screen) sees no queue, only the appointments it checked in;
 *  - pharmacists see no appointment or visit summary at all.
 */
export const ClinicPolicy = {
  /** Institution filter for queue reads: null = all institutions of the session. */
  queueScope(user: AccessClaims, session: SessionScope): string | null {
    if (user.role === 'admin' || (user.role === 'expert' && session.expertId === user.sub)) return null;
    if (user.role === 'county_doctor' && session.institutions.some((i) => i.institutionId === user.inst)) return user.inst;
    throw forbidden('You may not see this clinic session');
  },

  assertRunsSession(user: AccessClaims, session: SessionScope): void {
    if (user.role === 'expert' && session.expertId === user.sub) return;
    throw forbidden('Only the session’s expert may do this');
  },

  assertCoordinator(user: AccessClaims): void {
    if (user.role !== 'admin') throw forbidden('Only clinic coordinators may do this');
  },

  /** Who may see one appointment (the kiosk screen's view, visit summary included). */
  assertCanViewAppointment(user: AccessClaims, a: { institutionId: string; checkedInById: string | null; session: { expertId: string } }): void {
    if (user.role === 'admin') return;
    if (user.role === 'expert' && a.session.expertId === user.sub) return;
    if (user.role === 'county_doctor' && a.institutionId === user.inst) return;
    if (user.role === 'kiosk' && a.institutionId === user.inst && a.checkedInById === user.sub) return;
    throw forbidden('You may not see this appointment');
  },

  /** Staff who may re-open a declined check-in: a county doctor of the institution, or a coordinator. */
  assertCanReopen(user: AccessClaims, institutionId: string): void {
    if (user.role === 'admin' || (user.role === 'county_doctor' && user.inst === institutionId)) return;
    throw forbidden('Only a county doctor of this institution or a coordinator may re-open a check-in');
  },

  /** Kiosk screens and county doctors act only on their own institution's patients. */
  assertSameInstitution(user: AccessClaims, institutionId: string): void {
    if (user.role === 'admin') return;
    if (user.inst !== institutionId) throw forbidden('This patient belongs to another institution');
  },
};
