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
 *  - county roles (kiosk, county doctor) see only appointments of their own institution, and only
 *    for sessions that serve it.
 */
export const ClinicPolicy = {
  /** Institution filter for queue reads: null = all institutions of the session. */
  queueScope(user: AccessClaims, session: SessionScope): string | null {
    if (user.role === 'admin' || (user.role === 'expert' && session.expertId === user.sub)) return null;
    if ((user.role === 'kiosk' || user.role === 'county_doctor') && session.institutions.some((i) => i.institutionId === user.inst)) return user.inst;
    throw forbidden('You may not see this clinic session');
  },

  assertRunsSession(user: AccessClaims, session: SessionScope): void {
    if (user.role === 'expert' && session.expertId === user.sub) return;
    throw forbidden('Only the session’s expert may do this');
  },

  assertCoordinator(user: AccessClaims): void {
    if (user.role !== 'admin') throw forbidden('Only clinic coordinators may do this');
  },

  /** Kiosk screens and county doctors act only on their own institution's patients. */
  assertSameInstitution(user: AccessClaims, institutionId: string): void {
    if (user.role === 'admin') return;
    if (user.inst !== institutionId) throw forbidden('This patient belongs to another institution');
  },
};
