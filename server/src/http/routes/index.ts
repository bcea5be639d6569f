import type { Router } from 'express';
import type { Services } from '../../services';
import { adminRoutes } from './admin-routes';
import { auditRoutes } from './audit-routes';
import { authRoutes } from './auth-routes';
import { clinicRoutes } from './clinic-routes';
import { consultationRoutes } from './consultation-routes';
import { directoryRoutes } from './directory-routes';
import { fieldRoutes } from './field-routes';
import { healthRoutes } from './health-routes';
import { imagingRoutes } from './imaging-routes';
import { jwksRoutes } from './jwks-routes';
import { kioskRoutes } from './kiosk-routes';
import { mdtRoutes } from './mdt-routes';
import { mfaAccountRoutes, mfaAdminRoutes, mfaLoginRoutes } from './mfa-routes';
import { opinionRoutes } from './opinion-routes';
import { outboxRoutes } from './outbox-routes';
import { prescriptionRoutes } from './prescription-routes';
import { publicVerificationRoutes } from './public-verification-routes';
import { recordRoutes } from './record-routes';
import { referralRoutes } from './referral-routes';
import { testRoutes } from './test-routes';
import { trackingRoutes } from './tracking-routes';

export interface RouteMount {
  path: string;
  router: Router;
}

/** The route table: the only list of HTTP edges (the built client is served after them). */
export interface RouteTable {
  /** Under /api, answered without a signed-in user (health, sign-in, the public check of a printed document). */
  open: RouteMount[];
  /** Under /api, behind authentication; each route's own policy decides per object. */
  authenticated: RouteMount[];
  /** At the site's root: the signing keys (JWKS) that verify printed prescriptions and opinions. */
  root: RouteMount[];
}

export function routeTable(s: Services): RouteTable {
  const open: RouteMount[] = [
    { path: '/health', router: healthRoutes(s.health) },
    { path: '/auth/mfa', router: mfaLoginRoutes(s.mfa.signIn, s.limits) },
    { path: '/auth', router: authRoutes(s.auth, s.sessions, s.limits) },
    { path: '/public', router: publicVerificationRoutes(s.prescriptions.publicVerification, s.opinions.verifier) },
  ];
  const authenticated: RouteMount[] = [
    { path: '/audit', router: auditRoutes(s.audit) },
    { path: '/', router: clinicRoutes(s.schedule, s.queue, s.limits) },
    { path: '/consultations', router: consultationRoutes({ consultations: s.consultations, opening: s.opening, requests: s.requests, scheduling: s.scheduling, notes: s.notes }) },
    { path: '/consultations', router: recordRoutes(s.records) },
    { path: '/directory', router: directoryRoutes(s.prisma) },
    { path: '/account/mfa', router: mfaAccountRoutes(s.mfa.account, s.limits) },
    { path: '/users', router: mfaAdminRoutes(s.mfa.account) },
    { path: '/admin/outbox', router: outboxRoutes(s.outboxAdmin) },
    { path: '/admin', router: adminRoutes(s.admin.users, s.admin.institutions) },
    ...(s.config.NODE_ENV === 'test' ? [{ path: '/test', router: testRoutes(s.rooms, s.prisma) }] : []),
    { path: '/dicomweb', router: imagingRoutes(s.imaging.pacs, s.imaging.access, s.log.child({ module: 'dicomweb' })) },
    { path: '/', router: prescriptionRoutes(s.prescriptions, s.limits) },
    { path: '/', router: opinionRoutes(s.opinions, s.limits) },
    { path: '/', router: referralRoutes(s.referrals) },
    { path: '/', router: trackingRoutes(s.tracking) },
    { path: '/', router: mdtRoutes(s.mdt) },
    { path: '/', router: fieldRoutes(s.field, s.config.publicUrl) },
    { path: '/', router: kioskRoutes(s.kiosk, s.limits) },
  ];
  return { open, authenticated, root: [{ path: '/.well-known', router: jwksRoutes(s.prescriptions.keys) }] };
}
