import type { AccessClaims } from '@cloudclinic/shared';
import { forbidden } from '../../lib/errors';

/**
 * Who reads the tracking figures (the one policy place for them): the provincial coordinator and the
 * administrators, both admin accounts. The figures span every county, so county doctors, experts,
 * kiosks, pharmacists and field doctors are refused.
 */
export const TrackingPolicy = {
  assertMayRead(user: AccessClaims): void {
    if (user.role !== 'admin') throw forbidden('Only the provincial coordinator reads the tracking figures');
  },
};
