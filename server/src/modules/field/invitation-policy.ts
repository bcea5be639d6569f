import type { AccessClaims } from '@cloudclinic/shared';
import { forbidden } from '../../lib/errors';

/**
 * Who may see and withdraw field invitations: an administrator any, an expert the ones they created
 * (the consultation's expert is the only one who can create one); nobody else.
 */
export const InvitationPolicy = {
  /** Filter on `createdById` for listing: null = all. Refuses roles that never manage invitations. */
  listScope(user: AccessClaims): string | null {
    if (user.role === 'admin') return null;
    if (user.role === 'expert') return user.sub;
    throw forbidden('Only experts and administrators manage field invitations');
  },

  assertMayRevoke(user: AccessClaims, invitation: { createdById: string }): void {
    if (user.role === 'admin') return;
    if (user.role === 'expert' && invitation.createdById === user.sub) return;
    throw forbidden('Only the inviting expert or an administrator may revoke this invitation');
  },
};
