import type { RequestHandler } from 'express';
import type { RateLimitStore } from '../../lib/rate-limit-store';
import { byBodyUsername, byIp, byUser, rateLimit } from './rate-limit';

export interface AbuseLimitSettings {
  /** Failed logins per client IP per minute (a 6th quick failure gets 429). */
  loginFailuresPerIp: number;
  /** Failed logins per username per 15 minutes, from any address. */
  loginFailuresPerUser: number;
  /** Refresh calls per client IP per minute. */
  refreshPerIp: number;
  /** Kiosk check-ins (resident ID / appointment code) per kiosk account and per IP per minute. */
  checkInPerMinute: number;
  /** Prescription signatures per prescriber and per IP per minute. */
  signingPerMinute: number;
}

/** Middleware chains to put in front of the routes an attacker would hammer. Each answers 429 + Retry-After. */
export interface AbuseLimits {
  login: RequestHandler[];
  refresh: RequestHandler[];
  /** For the second sign-in step and code checks: failures share the per-IP budget of failed logins. */
  mfa: RequestHandler[];
  /** For a signed-in user's own code checks (confirming an enrolment, disabling): failures per user, as failed logins per username. */
  mfaAccount: RequestHandler[];
  /** For `POST /kiosk/check-in` (after authentication). */
  checkIn: RequestHandler[];
  /** For `POST /prescriptions/:id/sign` (after authentication). */
  signing: RequestHandler[];
  /** For `POST /kiosk/unlock` (after authentication): wrong staff PINs count like failed logins, per IP and per kiosk. */
  kioskPin: RequestHandler[];
}

export function createAbuseLimits(store: RateLimitStore, s: AbuseLimitSettings): AbuseLimits {
  const perMinute = (name: string, points: number) => store.limiter({ name, points, durationSeconds: 60 });
  return {
    login: [
      rateLimit(perMinute('login-ip', s.loginFailuresPerIp), { key: byIp, count: 'failures' }),
      rateLimit(store.limiter({ name: 'login-user', points: s.loginFailuresPerUser, durationSeconds: 15 * 60 }), { key: byBodyUsername, count: 'failures' }),
    ],
    refresh: [rateLimit(perMinute('refresh-ip', s.refreshPerIp), { key: byIp })],
    mfa: [rateLimit(perMinute('login-ip', s.loginFailuresPerIp), { key: byIp, count: 'failures' })],
    mfaAccount: [rateLimit(store.limiter({ name: 'mfa-user', points: s.loginFailuresPerUser, durationSeconds: 15 * 60 }), { key: byUser, count: 'failures' })],
    checkIn: [rateLimit(perMinute('checkin-ip', s.checkInPerMinute), { key: byIp }), rateLimit(perMinute('checkin-user', s.checkInPerMinute), { key: byUser })],
    signing: [rateLimit(perMinute('sign-ip', s.signingPerMinute), { key: byIp }), rateLimit(perMinute('sign-user', s.signingPerMinute), { key: byUser })],
    kioskPin: [
      rateLimit(perMinute('kiosk-pin-ip', s.loginFailuresPerIp), { key: byIp, count: 'failures' }),
      rateLimit(store.limiter({ name: 'kiosk-pin-user', points: s.loginFailuresPerUser, durationSeconds: 15 * 60 }), { key: byUser, count: 'failures' }),
    ],
  };
}
