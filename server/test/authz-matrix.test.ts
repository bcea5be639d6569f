import { socketRequests } from '@cloudclinic/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouteTable as routeTable, buildMatrixObjects, MATRIX_ROLES, MATRIX_USERS, type MatrixObjects, type MatrixRole } from './hardening-authz-fixtures';
import { SignalingClient } from './helpers/signaling-client';
import { login, startTestServer, type TestServer } from './helpers/test-server';

/**
 * The authorisation matrix: every route of the real app's router stack and every socket request of
 * the signaling catalogue, for every role, on its own side's object and on another institution's.
 *
 * Expectations, declared beside each route:
 *  - `allow`: roles that get past authorisation on their own side's object (any answer but
 *    401/403/404 and never a 5xx: a 400 for the matrix's minimal body or a 409 for a wrong state
 *    still means the role was let in);
 *  - `allowOther`: roles let in on the other institution's object too (admins);
 *  - every other role is refused (403 or 404, never the data), and no token is 401.
 * A route or socket request without a declaration fails the test.
 */
type Obj = keyof MatrixObjects | 'none';
interface Rule {
  /** The object the path parameter (or socket payload id) names; inferred from the path when absent. */
  object?: Obj;
  allow: readonly MatrixRole[];
  allowOther?: readonly MatrixRole[];
  body?: unknown;
  public?: boolean;
  /** The route changes its object (ends it, cancels it): every call gets fresh objects. */
  fresh?: boolean;
  /**
   * The body is validated before the object is looked up, and the matrix sends no valid body:
   * only "no token → 401" and "no 5xx" are checked for the roles (all answer 400).
   */
  bodyFirst?: boolean;
  /** Statuses that mean "let in" on this route although they are 404 (e.g. nobody waiting). */
  allowStatus?: readonly number[];
}

const ALL: MatrixRole[] = MATRIX_ROLES.filter((r) => r !== 'none');
const PARTICIPANTS: MatrixRole[] = ['expert', 'kiosk', 'county_doctor', 'field_doctor'];
const ADMINS: MatrixRole[] = ['admin', 'coordinator'];

const NOBODY: MatrixRole[] = [];
const BODY_FIRST: Rule = { allow: ALL, allowOther: ALL, bodyFirst: true };

/** `METHOD path` → rule. `:id`-like parameters are filled with the rule's object. */
const ROUTES: Record<string, Rule> = {
  'GET /api/health/': { allow: ALL, public: true },
  'GET /api/health/node': { allow: ALL, public: true },
  'POST /api/auth/login': { allow: ALL, public: true },
  'POST /api/auth/refresh': { allow: ALL, public: true },
  'POST /api/auth/logout': { allow: ALL, public: true },
  'GET /api/auth/me': { allow: ALL },
  // The second sign-in step: the challenge token in the body is the credential (security-mfa.test.ts attacks it).
  'POST /api/auth/mfa/verify': { allow: ALL, public: true },
  'POST /api/auth/mfa/enrol': { allow: ALL, public: true },
  'POST /api/auth/mfa/enrol/confirm': { allow: ALL, public: true },
  // One's own second factor: every signed-in user sees the status; kiosks (device accounts) cannot enrol.
  'GET /api/account/mfa/': { allow: ALL },
  'POST /api/account/mfa/enrol': { allow: ALL.filter((r) => r !== 'kiosk') },
  'POST /api/account/mfa/enrol/confirm': BODY_FIRST,
  'POST /api/account/mfa/disable': BODY_FIRST,
  // Admins only; the matrix names no user, so admins get 404.
  'POST /api/users/:id/mfa/reset': { allow: ADMINS, allowStatus: [404] },
  'GET /api/audit/': { allow: ADMINS },
  // Failed writes to the HIS and their retry: administrators only; the matrix names no job, so 404.
  'GET /api/admin/outbox/': { allow: ADMINS },
  'POST /api/admin/outbox/:id/retry': { allow: ADMINS, allowStatus: [404] },
  // Account and institution management: administrators only; the matrix names no user (404 once let in), and its empty body is a 400 for them.
  'GET /api/admin/users': { allow: ADMINS },
  'POST /api/admin/users': { allow: ADMINS },
  'POST /api/admin/users/:id/disable': { allow: ADMINS, allowStatus: [404] },
  'POST /api/admin/users/:id/enable': { allow: ADMINS, allowStatus: [404] },
  'POST /api/admin/users/:id/password': { allow: ADMINS },
  'PUT /api/admin/users/:id/antibiotic-privilege': { allow: ADMINS },
  'GET /api/admin/institutions': { allow: ADMINS },
  'PATCH /api/admin/institutions/:id': { allow: ADMINS },
  'GET /api/sessions': { allow: ALL },
  'POST /api/sessions': BODY_FIRST,
  // A kiosk is a public screen: it sees the appointments it checked in, never a session's queue.
  'GET /api/sessions/:id/queue': { allow: ['expert', 'county_doctor', ...ADMINS], allowOther: ADMINS },
  'POST /api/sessions/:id/appointments': BODY_FIRST,
  // Nobody has checked in to the matrix's session: the expert is let in and told so (404 "no patient waiting").
  'POST /api/sessions/:id/call-next': { allow: ['expert'], allowStatus: [404] },
  // Kiosks only for appointments they checked in (the matrix's is not); pharmacists never.
  'GET /api/appointments/:id': { allow: ['expert', 'county_doctor', ...ADMINS], allowOther: ADMINS },
  'POST /api/appointments/:id/cancel': { allow: ADMINS, allowOther: ADMINS, fresh: true },
  'POST /api/appointments/:id/call': { allow: ['expert'] },
  'POST /api/appointments/:id/no-show': { allow: ['expert'] },
  'POST /api/appointments/:id/recall': { allow: ['expert'] },
  'POST /api/appointments/:id/consents': BODY_FIRST,
  'POST /api/kiosk/check-in': BODY_FIRST,
  'POST /api/consultations/': BODY_FIRST,
  'GET /api/consultations/:id': { allow: PARTICIPANTS },
  'POST /api/consultations/:id/end': { allow: ['expert'], fresh: true },
  // The kiosk (public screen) never gets the note draft or the HIS record.
  'GET /api/consultations/:id/note': { allow: ['expert', 'county_doctor', 'field_doctor'] },
  'PUT /api/consultations/:id/note': BODY_FIRST,
  'POST /api/consultations/:id/note/amendments': BODY_FIRST,
  'GET /api/consultations/:id/record': { allow: ['expert', 'county_doctor', 'field_doctor'] },
  'GET /api/directory/users': { allow: ['expert', ...ADMINS] },
  'GET /api/directory/institutions': { allow: ['expert', ...ADMINS] },
  // No PACS in this run: a participant is let in and gets 503 "no PACS configured" (the PACS itself is tested in imaging.test.ts).
  'GET /api/dicomweb/:consultationId/studies': { allow: PARTICIPANTS, allowStatus: [503] },
  'GET /api/dicomweb/:consultationId/studies/:studyUid{/*rest}': { allow: PARTICIPANTS, allowStatus: [503] },
  // The catch-all answers 404 (GET) for everything the proxy does not serve.
  'ALL /api/dicomweb/{*any}': { allow: NOBODY },
  'GET /api/prescriptions/formulary': { allow: ['expert', 'county_doctor', 'pharmacist', 'field_doctor', ...ADMINS] },
  'GET /api/prescriptions/templates': { allow: ['expert', 'county_doctor', 'pharmacist', 'field_doctor', ...ADMINS] },
  'GET /api/prescriptions/review-queue': { allow: ['pharmacist'] },
  'GET /api/consultations/:id/prescriptions': { allow: [...PARTICIPANTS, ...ADMINS], allowOther: ADMINS },
  'POST /api/consultations/:id/prescriptions': { allow: ['expert'] },
  // A draft is not yet the pharmacist's: pharmacists see submitted prescriptions only.
  'GET /api/prescriptions/:id': { allow: [...PARTICIPANTS, ...ADMINS], allowOther: ADMINS },
  'PUT /api/prescriptions/:id': BODY_FIRST,
  'POST /api/prescriptions/:id/check': { allow: ['expert'] },
  'POST /api/prescriptions/:id/sign': BODY_FIRST,
  'POST /api/prescriptions/:id/submit': { allow: ['expert'] },
  'POST /api/prescriptions/:id/revise': { allow: ['expert'] },
  // The approval is signed with the pharmacist's own key: the body carries their password.
  'POST /api/prescriptions/:id/approve': { allow: ['pharmacist'], body: { password: 'Demo@2026' } },
  'POST /api/prescriptions/:id/reject': BODY_FIRST,
  'POST /api/prescriptions/:id/dispense': BODY_FIRST,
  // Signature verification answers for any signed-in user (it says whether a document is genuine).
  'GET /api/prescriptions/:id/verify': { allow: ALL, allowOther: ALL },
  // Nothing signed yet: participants get 404 (no document), others 403/404.
  'GET /api/prescriptions/:id/document': { allow: NOBODY },
  // The 处方笺 of a draft: readers are let in and told there is none yet (409); the kiosk never reads it.
  'GET /api/prescriptions/:id/sheet': { allow: ['expert', 'county_doctor', 'field_doctor', ...ADMINS], allowOther: ADMINS },
  'POST /api/consultations/:id/invitations': { allow: ['expert'] },
  'POST /api/field/invitations/accept': BODY_FIRST,
  // Experts list the invitations they made, admins all; the matrix names no invitation to revoke (404 once let in).
  'GET /api/field/invitations': { allow: ['expert', ...ADMINS] },
  'POST /api/field/invitations/:id/revoke': { allow: ['expert', ...ADMINS], allowStatus: [404] },
  'GET /api/field/directory': { allow: ['field_doctor'] },
  'POST /api/field/consultations': BODY_FIRST,
  'GET /api/field/consultations': { allow: ALL },
  'POST /api/consultations/:id/vitals': BODY_FIRST,
  'GET /api/consultations/:id/vitals': { allow: PARTICIPANTS },
  'POST /api/consultations/:id/attachments': BODY_FIRST,
  'GET /api/consultations/:id/attachments': { allow: PARTICIPANTS },
  'GET /api/consultations/:id/attachments/:attachmentId': { allow: PARTICIPANTS },
  'POST /api/test/rooms/:id/kill-worker': { allow: NOBODY },
  'POST /api/test/users': { allow: NOBODY },
  'POST /api/test/outbox/failed': { allow: NOBODY },
  'POST /api/test/institutions': { allow: NOBODY },
  // Admins only, and a consultation of the matrix has no live room: 404 for them too.
  'POST /api/test/rooms/:id/freeze-worker': { allow: NOBODY, body: { frozen: false } },
  'GET /.well-known/jwks.json': { allow: ALL, public: true },
  // The printed QR: no login, signed prescriptions only. The matrix's prescription is a draft, which the
  // public route answers 404 for, to anyone; the signed case is in safety-rx-prescribing.test.ts.
  'GET /api/public/prescriptions/:id': { allow: ALL, allowOther: ALL, public: true, allowStatus: [404] },
  // Staff of the appointment's institution, or the platform's admins and coordinators, re-open a declined check-in.
  'POST /api/appointments/:id/reopen': { allow: ['county_doctor', ...ADMINS], allowOther: ADMINS },
  // 远程会诊申请: filed by a county doctor with a body; county doctors, experts and coordinators list what they may see.
  'POST /api/consultations/requests': BODY_FIRST,
  'GET /api/consultations/requests': { allow: ['expert', 'county_doctor', ...ADMINS] },
  'GET /api/consultations/requests/options': { allow: ['expert', 'county_doctor', ...ADMINS] },
  // The patient's studies and reports: the query names the patient, checked first; the county rule is in consultation-request-flow.test.ts.
  'GET /api/consultations/requests/attachables': BODY_FIRST,
  // The path names a request, which the matrix has none of (the id is a consultation's): nobody gets in.
  'GET /api/consultations/requests/:id': { allow: NOBODY },
  'POST /api/consultations/requests/:id/schedule': { allow: NOBODY, body: { at: new Date(Date.now() + 86_400_000).toISOString(), expertIds: ['x'] } },
  'POST /api/consultations/requests/:id/propose': { allow: NOBODY, body: { at: new Date(Date.now() + 86_400_000).toISOString(), expertIds: ['x'] } },
  'POST /api/consultations/requests/:id/respond': { allow: NOBODY, body: { accept: true } },
  'POST /api/consultations/requests/:id/decline': { allow: NOBODY, body: { reason: '不符合会诊条件' } },
  'POST /api/consultations/requests/:id/cancel': { allow: NOBODY },
  'GET /api/consultations/break-glass': { allow: ADMINS },
  // 会诊意见: the consultation's experts and the patient's county doctor read; experts write their own
  // (body first); the chair (the matrix's expert) compiles, submits (422: empty) and amends (409: none yet).
  'GET /api/consultations/:id/opinions': { allow: ['expert', 'county_doctor'] },
  'PUT /api/consultations/:id/opinions/mine': BODY_FIRST,
  'PUT /api/consultations/:id/joint-opinion': BODY_FIRST,
  'POST /api/consultations/:id/joint-opinion/submit': { allow: ['expert'], fresh: true },
  'POST /api/consultations/:id/joint-opinion/amendments': { allow: ['expert'], fresh: true },
  // Signing needs the password (body first: mdt-opinion.test.ts attacks it); the county doctor
  // acknowledges (409: not final yet); anyone verifies, signed in or not.
  'POST /api/opinions/:id/sign': BODY_FIRST,
  'POST /api/opinions/:id/acknowledge': { allow: ['county_doctor'] },
  'GET /api/opinions/:id/verify': { allow: ALL, allowOther: ALL },
  'GET /api/public/opinions/:id': { allow: ALL, allowOther: ALL, public: true },
  // 双向转诊: filing needs a body (referral.test.ts attacks it); the consultation's expert and the patient's county doctor list a consultation's referrals and plans.
  'POST /api/consultations/:id/referrals': BODY_FIRST,
  'GET /api/consultations/:id/referrals': { allow: ['expert', 'county_doctor'] },
  'GET /api/consultations/:id/referrals/attachables': { allow: ['expert', 'county_doctor'] },
  'GET /api/referrals': { allow: ['expert', 'county_doctor', ...ADMINS] },
  // The filer (the matrix expert), the patient's county doctors and the coordinators read a referral.
  'GET /api/referrals/:id': { allow: ['expert', 'county_doctor', ...ADMINS], allowOther: ADMINS },
  // Only the coordinators answer; completing a requested referral is a 409 for them (let in).
  'POST /api/referrals/:id/book': { allow: ADMINS, allowOther: ADMINS, fresh: true, body: { at: new Date(Date.now() + 86_400_000).toISOString(), place: '浙江医院影像科' } },
  'POST /api/referrals/:id/decline': { allow: ADMINS, allowOther: ADMINS, fresh: true, body: { reason: '不符合上转条件' } },
  'POST /api/referrals/:id/complete': { allow: ADMINS, allowOther: ADMINS },
  'POST /api/referrals/:id/cancel': { allow: ['expert', ...ADMINS], allowOther: ADMINS, fresh: true },
  // 号源: only a coordinator of the department's hospital opens slots (referral-slots.test.ts: a county admin is refused); the booking form lists a requested referral's slots.
  'POST /api/referral-slots': BODY_FIRST,
  'GET /api/referrals/:id/slots': { allow: ADMINS, allowOther: ADMINS },
  'POST /api/consultations/:id/follow-up-plans': BODY_FIRST,
  'GET /api/consultations/:id/follow-up-plans': { allow: ['expert', 'county_doctor'] },
  // The patient's county doctors carry out a plan: acknowledge, then tick (409 before acknowledging: let in).
  'POST /api/follow-up-plans/:id/acknowledge': { allow: ['county_doctor'], fresh: true },
  'POST /api/follow-up-plans/:id/items/:itemId': { allow: ['county_doctor'], body: { done: true } },
  // The coordinator's tracking figures span every county: the provincial coordinator and administrators only.
  'GET /api/tracking': { allow: ADMINS },
  // 多学科会诊 (mdt-board.test.ts attacks each rule): the coordinator creates boards (body first); experts,
  // county doctors and coordinators list boards and sittings; a case needs a body (the county rule is checked after it).
  'POST /api/mdt/boards': BODY_FIRST,
  'GET /api/mdt/boards': { allow: ['expert', 'county_doctor', ...ADMINS] },
  'POST /api/mdt/boards/:id/cases': BODY_FIRST,
  'GET /api/mdt/meetings': { allow: ['expert', 'county_doctor', ...ADMINS] },
  // The sitting: its chair (the matrix expert), the county doctor of its case's institution, the coordinators.
  'GET /api/mdt/meetings/:id': { allow: ['expert', 'county_doctor', ...ADMINS], allowOther: ADMINS },
  // Only the chair starts it (a second start is a 409: let in); moving on and reordering need a body.
  'POST /api/mdt/meetings/:id/start': { allow: ['expert'] },
  'POST /api/mdt/meetings/:id/next': BODY_FIRST,
  'PUT /api/mdt/meetings/:id/order': BODY_FIRST,
  // Leaving kiosk mode: the body (a staff PIN) is checked first; the kiosk-only rule is in kiosk-mode.test.ts.
  'POST /api/kiosk/unlock': BODY_FIRST,
};

/** Payload-only requests: the socket must have joined something first, so they are refused as invalid, never let through. */
const NEEDS_JOIN: Rule = { allow: ALL, bodyFirst: true };

/** Socket request method → rule (the object goes in the payload's id field). */
const SOCKET: Record<string, Rule> = {
  'room.join': { allow: PARTICIPANTS },
  'room.ready': NEEDS_JOIN,
  'room.leave': { allow: ALL },
  'peer.devices': NEEDS_JOIN,
  'transport.create': NEEDS_JOIN,
  'transport.connect': NEEDS_JOIN,
  'transport.restartIce': NEEDS_JOIN,
  'producer.create': NEEDS_JOIN,
  'producer.pause': NEEDS_JOIN,
  'producer.resume': NEEDS_JOIN,
  'producer.close': NEEDS_JOIN,
  'consumer.resume': NEEDS_JOIN,
  'consumer.pause': NEEDS_JOIN,
  'consumer.setPreferredLayers': NEEDS_JOIN,
  'dataProducer.create': NEEDS_JOIN,
  'queue.watch': { allow: ['expert', 'county_doctor', ...ADMINS], allowOther: ADMINS },
  'queue.unwatch': { allow: ALL, allowOther: ALL },
  'appointment.watch': { allow: ['expert', 'county_doctor', ...ADMINS], allowOther: ADMINS },
  'appointment.unwatch': { allow: ALL, allowOther: ALL },
  'imaging.join': { allow: PARTICIPANTS },
  'imaging.leave': { allow: ALL, allowOther: ALL },
  // Presenting needs a joined viewing first: refused as invalid_state for everyone, never let through to another consultation.
  'imaging.present': { allow: ALL, allowOther: ALL },
  'imaging.handOver': { allow: ALL, allowOther: ALL, bodyFirst: true },
  'imaging.release': { allow: ALL, allowOther: ALL },
  'imaging.update': { allow: ALL, allowOther: ALL },
  'rx.queue.watch': { allow: ['pharmacist'] },
  'rx.queue.unwatch': { allow: ALL },
  'rx.consultation.watch': { allow: [...PARTICIPANTS, ...ADMINS], allowOther: ADMINS },
  'rx.consultation.unwatch': { allow: ALL, allowOther: ALL },
  // The device check's media loopback touches no patient data: any signed-in user; the rest needs it opened first.
  'mediaCheck.open': { allow: ALL },
  'mediaCheck.connect': NEEDS_JOIN,
  'mediaCheck.produce': NEEDS_JOIN,
  'mediaCheck.consume': NEEDS_JOIN,
  'mediaCheck.close': { allow: ALL },
  // Renewing needs a valid token of the same user in the body.
  'session.renew': NEEDS_JOIN,
  // 呼叫工作人员: only a kiosk calls; who hears it (the same institution's staff) is in kiosk-mode.test.ts.
  'kiosk.callStaff': { allow: ['kiosk'], body: { screen: 'checkin' } },
  // The live 远程会诊申请 lists: county doctors, experts and coordinators (each gets what they may see).
  'requests.watch': { allow: ['expert', 'county_doctor', ...ADMINS] },
  'requests.unwatch': { allow: ALL },
  // A sitting's live pings: whoever may read the sitting (mdt-board.test.ts checks who is pinged).
  'mdt.watch': { allow: ['expert', 'county_doctor', ...ADMINS], allowOther: ADMINS },
  'mdt.unwatch': { allow: ALL, allowOther: ALL },
};

const PRINT = process.env['AUTHZ_PRINT'] === '1';

/** Which object a route's path names (its first parameter). */
function objectOf(path: string): Obj {
  if (/\/sessions\/:/.test(path)) return 'session';
  if (/\/appointments\/:/.test(path)) return 'appointment';
  if (/\/prescriptions\/:/.test(path)) return 'prescription';
  if (/\/opinions\/:/.test(path)) return 'opinion';
  if (/\/referrals\/:/.test(path)) return 'referral';
  if (/\/follow-up-plans\/:/.test(path)) return 'followUpPlan';
  if (/\/mdt\/meetings\/:/.test(path)) return 'mdtMeeting';
  if (/\/(consultations|dicomweb)\/:/.test(path)) return 'consultation';
  return 'none';
}

function fill(path: string, id: string): string {
  return path
    .replace(/\{\/\*rest\}/, '')
    .replace(/\{\/?\*any\}/, 'x')
    .replace(/:studyUid/, '1.2.3')
    .replace(/:attachmentId/, 'ATTACHMENT')
    .replace(/:itemId/, 'ITEM')
    .replace(/:[A-Za-z]+/g, id);
}

/** Which object a socket request names, by its payload's id field. */
function socketObjectOf(method: string): Obj {
  if (method.startsWith('queue.')) return 'session';
  if (method.startsWith('appointment.')) return 'appointment';
  if (method.startsWith('mdt.')) return 'mdtMeeting';
  if (method.startsWith('imaging.') || method.startsWith('rx.consultation.') || method === 'room.join') return 'consultation';
  return 'none';
}

type Outcome = 'allowed' | 'denied' | 'unauth' | 'error';
const outcomeOf = (status: number): Outcome => (status >= 500 ? 'error' : status === 401 ? 'unauth' : status === 403 || status === 404 ? 'denied' : 'allowed');

describe('authorisation matrix: every route and socket request × every role × own/other institution', () => {
  let srv: TestServer;
  let objects: { own: MatrixObjects; other: MatrixObjects };
  const tokens: Partial<Record<MatrixRole, string>> = {};

  beforeAll(async () => {
    srv = await startTestServer('pglite', {}, { his: true });
    for (const role of MATRIX_ROLES) {
      const username = MATRIX_USERS[role];
      if (username) tokens[role] = (await login(srv.url, username)).accessToken;
    }
    objects = await buildMatrixObjects(srv);
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it('every route of the app has a declared expectation', () => {
    const undeclared = routeTable(srv)
      .map((r) => `${r.method} ${r.path}`)
      .filter((k) => !ROUTES[k]);
    if (PRINT) console.info(undeclared.join('\n'));
    expect(undeclared).toEqual([]);
  });

  it('every socket request of the catalogue has a declared expectation', () => {
    const methods = Object.keys(socketRequests);
    expect(methods.filter((m) => !SOCKET[m])).toEqual([]);
  });

  it('REST: each role gets exactly what the table declares', async () => {
    const seen: string[] = [];
    const wrong: string[] = [];
    for (const route of routeTable(srv)) {
      const key = `${route.method} ${route.path}`;
      const declared = ROUTES[key] ?? (PRINT ? { allow: [] } : undefined);
      if (!declared || route.path.startsWith('/api/test/')) continue;
      const rule = { ...declared, object: declared.object ?? objectOf(route.path) };
      for (const side of ['own', 'other'] as const) {
        if (rule.object === 'none' && side === 'other') continue;
        for (const role of MATRIX_ROLES) {
          const objs = rule.fresh ? await buildMatrixObjects(srv) : objects;
          const id = rule.object === 'none' ? 'none' : objs[side][rule.object];
          const url = fill(route.path, id).replace('ATTACHMENT', objs[side].attachment).replace('ITEM', objs[side].followUpItem);
          const method = route.method === 'ALL' ? 'GET' : route.method;
          const res = await fetch(`${srv.url}${url}`, {
            method,
            headers: { ...(tokens[role] ? { authorization: `Bearer ${tokens[role]}` } : {}), ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
            ...(method === 'GET' ? {} : { body: JSON.stringify(rule.body ?? {}) }),
          });
          await res.arrayBuffer();
          const got = rule.allowStatus?.includes(res.status) ? 'allowed' : outcomeOf(res.status);
          const expected: Outcome = rule.public
            ? 'allowed'
            : role === 'none'
              ? 'unauth'
              : (side === 'own' ? rule.allow : (rule.allowOther ?? [])).includes(role)
                ? 'allowed'
                : 'denied';
          seen.push(`${key} ${side} ${role} ${res.status}`);
          if (rule.bodyFirst && role !== 'none' && res.status !== 400) wrong.push(`${key} [${side}] ${role}: expected 400 for the matrix's empty body, got ${res.status}`);
          else if (got !== expected) wrong.push(`${key} [${side}] ${role}: expected ${expected}, got ${res.status}`);
        }
      }
    }
    if (PRINT) console.info(seen.join('\n'));
    expect(wrong).toEqual([]);
  }, 300_000);

  it('socket: each role gets exactly what the table declares', async () => {
    const objects = await buildMatrixObjects(srv);
    const wrong: string[] = [];
    const seen: string[] = [];
    for (const role of MATRIX_ROLES) {
      if (role === 'none') {
        await expect(SignalingClient.connect(srv.url, undefined)).rejects.toThrow();
        continue;
      }
      for (const side of ['own', 'other'] as const) {
        const methods = Object.keys(socketRequests);
        for (const method of methods) {
          const declared = SOCKET[method] ?? (PRINT ? { allow: [] } : undefined);
          if (!declared) continue;
          const rule = { ...declared, object: declared.object ?? socketObjectOf(method) };
          if (rule.object === 'none' && side === 'other') continue;
          const c = await SignalingClient.connect(srv.url, tokens[role]);
          try {
            const id = rule.object === 'none' ? undefined : objects[side][rule.object];
            const field = rule.object === 'session' ? 'sessionId' : rule.object === 'appointment' ? 'appointmentId' : rule.object === 'mdtMeeting' ? 'meetingId' : 'consultationId';
            const data = { ...((rule.body as object | undefined) ?? {}), ...(id ? { [field]: id } : {}) };
            const r = await c.request(method, data);
            const code = r.ok ? 'ok' : r.error.code;
            const got: Outcome = r.ok || !['forbidden', 'not_found', 'unauthorized', 'internal'].includes(code) ? 'allowed' : code === 'internal' ? 'error' : 'denied';
            const expected: Outcome = (side === 'own' ? rule.allow : (rule.allowOther ?? [])).includes(role) ? 'allowed' : 'denied';
            seen.push(`${method} ${side} ${role} ${code}`);
            if (rule.bodyFirst && !['bad_request', 'invalid_state'].includes(code)) wrong.push(`${method} [${side}] ${role}: expected bad_request or invalid_state, got ${code}`);
            else if (got !== expected) wrong.push(`${method} [${side}] ${role}: expected ${expected}, got ${code}`);
          } finally {
            c.close();
          }
        }
      }
    }
    if (PRINT) console.info(seen.join('\n'));
    expect(wrong).toEqual([]);
  }, 300_000);
});
