import type { Role } from '@cloudclinic/shared';
import { preloadable, type Preloadable } from './preloadable';
import { ROLE_HOME } from '../auth/role-home';

export interface RoleArea {
  role: Role;
  /** Route path of the area, e.g. `/expert`. */
  path: string;
  /** Lazily loaded: each area is its own chunk, so e.g. the kiosk never downloads admin code. */
  screen: Preloadable<object>;
}

export const ROLE_AREAS: readonly RoleArea[] = [
  { role: 'expert', path: ROLE_HOME.expert, screen: preloadable(() => import('../areas/expert/ExpertArea')) },
  { role: 'county_doctor', path: ROLE_HOME.county_doctor, screen: preloadable(() => import('../areas/county/CountyArea')) },
  { role: 'kiosk', path: ROLE_HOME.kiosk, screen: preloadable(() => import('../areas/kiosk/KioskArea')) },
  { role: 'pharmacist', path: ROLE_HOME.pharmacist, screen: preloadable(() => import('../areas/pharmacy/PharmacyArea')) },
  { role: 'field_doctor', path: ROLE_HOME.field_doctor, screen: preloadable(() => import('../areas/field/FieldArea')) },
  { role: 'admin', path: ROLE_HOME.admin, screen: preloadable(() => import('../areas/admin/AdminArea')) },
];

/** The area a path belongs to (`/expert/consultations/x` → the expert area), if any. */
export function areaOf(pathname: string): RoleArea | undefined {
  return ROLE_AREAS.find((a) => pathname === a.path || pathname.startsWith(`${a.path}/`));
}
