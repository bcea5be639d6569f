import { api, SignalingSocket } from '../../lib/signaling';
import type { ScenarioContext } from '../../lib/scenario';
import { median, sleep, summarize, type Summary } from '../../lib/stats';
import { login } from '../../server/server-process';

export interface FanoutResult {
  perSocket: Summary;
  firstSocket: Summary;
  lastSocket: Summary;
  /** Median time between the first and the last screen of one check-in. */
  spread: number;
  checkIn: Summary;
  missed: number;
  watchers: number;
  trials: number;
}

/** Patients the county HIS manages at 嵊泗县人民医院 (bookings are checked against the HIS). */
async function hisPatients(hisUrl: string, n: number): Promise<{ id: string; name: string }[]> {
  const res = await fetch(`${hisUrl}/Patient?organization=Organization/sscph&_count=500`);
  const bundle = (await res.json()) as { entry?: { resource: { id: string; name?: { text?: string }[] } }[] };
  const found = (bundle.entry ?? []).flatMap(({ resource: r }) => (r.name?.[0]?.text ? [{ id: r.id, name: r.name[0].text }] : []));
  if (found.length < n) throw new Error(`the county HIS has ${found.length} patients at sscph, ${n} needed`);
  return found.slice(0, n);
}

/** A clinic session at 嵊泗 with `n` booked appointments; returns the session and the check-in codes. */
async function bookedSession(url: string, admin: string, hisUrl: string, n: number): Promise<{ sessionId: string; codes: string[] }> {
  const dir = await api(url, admin, 'GET', '/directory/institutions');
  const institutions = (dir.body as { institutions: { id: string; code: string; departments: { id: string }[] }[] }).institutions;
  const sscph = institutions.find((i) => i.code === 'sscph')?.id ?? '';
  const dept = institutions.find((i) => i.code === 'zjh')?.departments[0]?.id ?? '';
  const experts = (await api(url, admin, 'GET', '/directory/users?role=expert')).body as { users: { id: string; displayName: string }[] };
  const expertId = experts.users.find((u) => u.displayName === '陈建华')?.id ?? '';
  const now = Date.now();
  const session = await api(url, admin, 'POST', '/sessions', {
    expertId,
    departmentId: dept,
    startsAt: new Date(now - 3600_000).toISOString(),
    endsAt: new Date(now + 4 * 3600_000).toISOString(),
    capacity: 200,
    institutionIds: [sscph],
  });
  if (session.status !== 201) throw new Error(`publishing a session failed: ${session.status} ${JSON.stringify(session.body)}`);
  const sessionId = (session.body as { id: string }).id;
  const codes: string[] = [];
  for (const patient of await hisPatients(hisUrl, n)) {
    const b = await api(url, admin, 'POST', `/sessions/${sessionId}/appointments`, { hisPatientId: patient.id, institutionId: sscph, patientName: patient.name });
    if (b.status !== 201) throw new Error(`booking failed: ${b.status} ${JSON.stringify(b.body)}`);
    codes.push((b.body as { code: string }).code);
  }
  return { sessionId, codes };
}

/**
 * Queue fan-out through `url` (one node, or the balancer of several): `watchers` screens — 9 of 10
 * the expert's, 1 of 10 a county doctor's (a kiosk watches its own appointment, not the queue) —
 * watch one session's queue; a kiosk checks the
 * booked patients in one by one; each check-in's time to every screen's `queue.changed` is recorded.
 */
export async function queueFanout(ctx: ScenarioContext, url: string, p: { watchers: number; checkIns: number }, hisUrl: string): Promise<FanoutResult> {
  const admin = (await login(url, 'admin')).accessToken;
  const kiosk = (await login(url, 'kiosk.shengsi')).accessToken;
  const tokens = { expert: (await login(url, 'dr.chen')).accessToken, county: (await login(url, 'doc.wang')).accessToken };
  const { sessionId, codes } = await bookedSession(url, admin, hisUrl, p.checkIns);
  const sockets: SignalingSocket[] = [];
  ctx.defer(() => sockets.forEach((s) => s.close()));
  for (let i = 0; i < p.watchers; i++) {
    const token = i % 10 === 9 ? tokens.county : tokens.expert;
    const s = await SignalingSocket.connect(url, token);
    await s.request('queue.watch', { sessionId });
    sockets.push(s);
  }
  const perSocket: number[] = [];
  const lastSocket: number[] = [];
  const firstSocket: number[] = [];
  const checkInMs: number[] = [];
  let missed = 0;
  for (const code of codes) {
    const arrivals = sockets.map((s) => s.waitFor('queue.changed', 10_000).then((n) => n.at, () => Number.NaN));
    const t0 = performance.now();
    const r = await api(url, kiosk, 'POST', '/kiosk/check-in', { code });
    if (r.status !== 200) throw new Error(`check-in failed: ${r.status} ${JSON.stringify(r.body)}`);
    checkInMs.push(r.ms);
    const times = (await Promise.all(arrivals)).map((t) => t - t0);
    missed += times.filter((t) => !Number.isFinite(t)).length;
    const ok = times.filter((t) => Number.isFinite(t));
    perSocket.push(...ok);
    lastSocket.push(Math.max(...ok));
    firstSocket.push(Math.min(...ok));
    await sleep(100);
  }
  for (const s of sockets.splice(0)) s.close();
  const spread = median(lastSocket.map((l, i) => l - (firstSocket[i] ?? l)));
  return { perSocket: summarize(perSocket), firstSocket: summarize(firstSocket), lastSocket: summarize(lastSocket), spread, checkIn: summarize(checkInMs), missed, watchers: p.watchers, trials: codes.length };
}
