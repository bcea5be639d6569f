import { PRESCRIBER_ROLES, type AccessClaims, type Role } from '@cloudclinic/shared';
import { badRequest, forbidden, invalidState } from '../../lib/errors';

/**
 * Rules of account and institution management: administrators only; an administrator never disables
 * their own account (nobody would be left to undo it); only prescribers hold an antibiotic privilege;
 * a department belongs to the user's institution.
 */
export const AdminPolicy = {
  assertAdmin(user: AccessClaims): void {
    if (user.role !== 'admin') throw forbidden('Only administrators manage accounts and institutions');
  },

  assertMayDisable(user: AccessClaims, targetId: string): void {
    if (user.sub === targetId) throw invalidState('You cannot disable your own account');
  },

  assertPrescriber(role: Role): void {
    if (!(PRESCRIBER_ROLES as readonly Role[]).includes(role)) throw badRequest(`An account of role ${role} does not prescribe: no antibiotic privilege`);
  },

  assertDepartmentOf(department: { institutionId: string } | null, institutionId: string): void {
    if (department && department.institutionId !== institutionId) throw badRequest('The department belongs to another institution');
  },
};
