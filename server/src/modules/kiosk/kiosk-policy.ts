import type { AccessClaims, Role } from '@cloudclinic/shared';
import { AppError } from '../../lib/errors';

/** Only a kiosk account leaves kiosk mode with the staff PIN, or calls staff from its screen. */
export function assertKiosk(user: AccessClaims): void {
  if (user.role !== 'kiosk') throw new AppError('forbidden', 'Only a kiosk account may do this');
}

/** Who is told that a kiosk needs help: the county doctors and admins of the kiosk's own institution. */
const STAFF_CALL_RECEIVERS: readonly Role[] = ['county_doctor', 'admin'];

export function receivesStaffCall(user: AccessClaims, kioskInstitutionId: string): boolean {
  return STAFF_CALL_RECEIVERS.includes(user.role) && user.inst === kioskInstitutionId;
}
