import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../lib/logger';
import { RateLimitStore } from '../../lib/rate-limit-store';
import { createAbuseLimits } from './abuse-limits';
import { errorHandler } from './errors';

const settings = { loginFailuresPerIp: 5, loginFailuresPerUser: 10, refreshPerIp: 60, checkInPerMinute: 3, signingPerMinute: 2 };

/** A tiny app with the real limit chains and the real error handler; `x-user` stands in for requireAuth. */
function app() {
  const limits = createAbuseLimits(new RateLimitStore(null, createLogger('silent')), settings);
  const a = express();
  a.use(express.json());
  a.use((req, _res, next) => {
    const user = req.header('x-user');
    if (user) req.auth = { sub: user, role: 'kiosk', inst: 'i', name: 'n' };
    next();
  });
  a.post('/kiosk/check-in', ...limits.checkIn, (_req, res) => void res.json({ ok: true }));
  a.post('/prescriptions/:id/sign', ...limits.signing, (_req, res) => void res.json({ ok: true }));
  a.use(errorHandler(createLogger('silent')));
  return a;
}

describe('abuse limits for check-in and signing', () => {
  it('answers check-in by one kiosk beyond the budget with 429 and Retry-After', async () => {
    const a = app();
    for (let i = 0; i < 3; i++) expect((await request(a).post('/kiosk/check-in').set('x-user', 'kiosk-1').send({})).status).toBe(200);
    const over = await request(a).post('/kiosk/check-in').set('x-user', 'kiosk-1').send({});
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ code: 'rate_limited' });
    expect(Number(over.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('holds under parallel requests: exactly the budget gets through', async () => {
    const a = app();
    const results = await Promise.all(Array.from({ length: 10 }, () => request(a).post('/prescriptions/p1/sign').set('x-user', 'dr-1').send({})));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 429)).toHaveLength(8);
  });
});
