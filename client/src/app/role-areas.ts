import type { Role } from '@cloudclinic/shared';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { ROLE_HOME } from '../auth/role-home';

export interface RoleArea {
  role: Role;
  /** Route path of the area, e.g. `/expert`. */
  path: string;
  /** Lazily loaded: each area is its own chunk, so e.g. the kiosk never downloads admin code. */
  Component: LazyExoticComponent<ComponentType>;
}

export const ROLE_AREAS: readonly RoleArea[] = [
  { role: 'expert', path: ROLE_HOME.expert, Component: lazy(() => import('../areas/expert/ExpertArea')) },
  { role: 'county_doctor', path: ROLE_HOME.county_doctor, Component: lazy(() => import('../areas/county/CountyArea')) },
  { role: 'kiosk', path: ROLE_HOME.kiosk, Component: lazy(() => import('../areas/kiosk/KioskArea')) },
  { role: 'pharmacist', path: ROLE_HOME.pharmacist, Component: lazy(() => import('../areas/pharmacy/PharmacyArea')) },
  { role: 'field_doctor', path: ROLE_HOME.field_doctor, Component: lazy(() => import('../areas/field/FieldArea')) },
  { role: 'admin', path: ROLE_HOME.admin, Component: lazy(() => import('../areas/admin/AdminArea')) },
];
