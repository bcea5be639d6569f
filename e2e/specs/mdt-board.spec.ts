import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { HealthResponseSchema, MdtBoardViewSchema, MdtMeetingViewSchema, clinicDate, type MdtMeetingView } from '@cloudclinic/shared';
import { apiLogin } from '../support/api';
import { loginAs } from '../support/auth';
import { expectVideoPlaying, videoState } from '../support/room';
import { recordPeerConnections } from '../support/webrtc';

/**
 * A standing MDT board's sitting with three browsers: the chair, a second expert and the county
 * doctor, two cases. They stay in one room (the same peer connections, the same remote video
 * consumer, still playing) while the chair starts and moves from case 1 to case 2, and every
 * screen's list, summary and record follow.
 */

const DESKTOP = { width: 1440, height: 900 };
const contexts: BrowserContext[] = [];
test.afterEach(async ({ browserName: _browser }, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    for (const [i, c] of contexts.entries()) for (const p of c.pages()) await p.screenshot({ path: testInfo.outputPath(`failure-${i}.png`) }).catch(() => undefined);
  }
  for (const c of contexts.splice(0)) await c.close();
});

async function call(baseURL: string, method: string, path: string, token: string, body?: unknown): Promise<unknown> {
  const res = await fetch(new URL(path, baseURL), { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return JSON.parse(text) as unknown;
}

/** Two Shengsi patients of the county HIS that no other spec uses, with their HIS names. */
async function shengsiPatients(baseURL: string): Promise<{ id: string; name: string }[]> {
  const admin = await apiLogin(baseURL, 'admin');
  const health = HealthResponseSchema.parse(await call(baseURL, 'GET', '/api/health', admin.accessToken));
  const his = health.integrations?.['his']?.url?.replace(/\/+$/, '');
  if (!his) throw new Error('no county HIS configured');
  const found: { id: string; name: string }[] = [];
  for (let n = 30; n < 40 && found.length < 2; n++) {
    const res = await fetch(`${his}/Patient/p-00${n}`);
    if (!res.ok) continue;
    const p = (await res.json()) as { id: string; name?: { text?: string }[]; managingOrganization?: { reference?: string } };
    if (p.managingOrganization?.reference === 'Organization/sscph' && p.name?.[0]?.text) found.push({ id: p.id, name: p.name[0].text });
  }
  if (found.length < 2) throw new Error('not enough Shengsi patients in p-0030…p-0039');
  return found;
}

/** Today's sitting of a new board (chair 陈建华, member 何志强) with two cases filed by 王海东 (嵊泗). */
async function sitting(baseURL: string): Promise<{ meeting: MdtMeetingView; patients: { id: string; name: string }[] }> {
  const [coordinator, chen, he, wang] = await Promise.all(['coordinator', 'dr.chen', 'dr.he', 'doc.wang'].map((u) => apiLogin(baseURL, u)));
  const today = clinicDate(new Date());
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  const board = MdtBoardViewSchema.parse(
    await call(baseURL, 'POST', '/api/mdt/boards', coordinator!.accessToken, { title: '浙江医院 肿瘤 MDT', weekday, startTime: '14:00', caseMinutes: 15, chairId: chen!.user.id, memberIds: [he!.user.id] }),
  );
  const patients = await shengsiPatients(baseURL);
  const cases = [
    { summary: '男，66岁，右肺下叶占位 3.2 cm，纵隔淋巴结肿大', question: '手术还是新辅助治疗？', minutes: 10 },
    { summary: '女，58岁，乳腺癌术后两年，肝内新发低密度灶', question: '是否转移？下一步治疗？', minutes: 15 },
  ];
  let meeting: MdtMeetingView | null = null;
  for (const [i, c] of cases.entries()) {
    const p = patients[i]!;
    meeting = MdtMeetingViewSchema.parse(await call(baseURL, 'POST', `/api/mdt/boards/${board.id}/cases`, wang!.accessToken, { date: today, hisPatientId: p.id, patientName: p.name, ...c }));
  }
  return { meeting: meeting!, patients };
}

async function open(browser: Browser, baseURL: string, username: string, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: DESKTOP, permissions: ['camera', 'microphone'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  await recordPeerConnections(context);
  const page = await context.newPage();
  await loginAs(page, username);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(path);
  return page;
}

const peerConnections = (page: Page) => page.evaluate(() => (window.__peerConnections ?? []).filter((pc) => pc.connectionState !== 'closed').length);

test('chair, second expert and county doctor stay in one room while the chair moves from case 1 to case 2; every panel follows', async ({ browser, baseURL: base }, testInfo) => {
  test.setTimeout(420_000); // three browsers in one room on a small, shared machine
  const baseURL = base ?? '';
  const { meeting, patients } = await sitting(baseURL);
  const [case1, case2] = meeting.cases;
  const path = `/mdt/${meeting.id}`;
  const chair = await open(browser, baseURL, 'dr.chen', path);
  const he = await open(browser, baseURL, 'dr.he', path);
  const wang = await open(browser, baseURL, 'doc.wang', path);
  const everyone = [chair, he, wang];

  for (const page of everyone) await expect(page.getByTestId('mdt-no-current')).toBeVisible();
  await expect(he.getByTestId('btn-mdt-start')).toHaveCount(0);
  await expect(wang.getByTestId('btn-mdt-start')).toHaveCount(0);
  // Media both ways before anything moves: the chair sees the county doctor, the county doctor the chair.
  // Generous: three browsers and the server share a small machine.
  const chairSees = await expectVideoPlaying(chair, 'remote-video', 'local_doctor', { timeout: 60_000 });
  const wangSees = await expectVideoPlaying(wang, 'remote-video', 'expert', { timeout: 60_000 });
  const connections = await Promise.all(everyone.map(peerConnections));

  await chair.getByTestId('btn-mdt-start').click();
  for (const page of everyone) {
    await expect(page.getByTestId('mdt-current-case')).toHaveAttribute('data-case-id', case1!.id, { timeout: 10_000 });
    await expect(page.getByTestId('mdt-summary')).toContainText('右肺下叶占位');
    await expect(page.getByTestId('mdt-countdown').first()).toBeVisible();
  }
  // The record panel reads the current case's consultation.
  await he.getByTestId('mdt-tab-record').click();
  await expect(he.getByTestId('his-patient')).toContainText(patients[0]!.name, { timeout: 15_000 });

  await chair.screenshot({ path: testInfo.outputPath('mdt-case-1.png') });
  const [moved] = await Promise.all([chair.waitForResponse((r) => r.url().endsWith(`/api/mdt/meetings/${meeting.id}/next`), { timeout: 30_000 }), chair.getByTestId('btn-mdt-next').click()]);
  expect(moved.status(), await moved.text()).toBe(200);
  for (const page of everyone) {
    await expect(page.getByTestId('mdt-current-case')).toHaveAttribute('data-case-id', case2!.id, { timeout: 10_000 });
    await expect(page.getByTestId('mdt-summary')).toContainText('肝内新发低密度灶');
    await expect(page.locator('[data-testid="mdt-case-row"][data-status="done"]')).toHaveCount(1);
  }
  await he.getByTestId('mdt-tab-record').click();
  await expect(he.getByTestId('his-patient')).toContainText(patients[1]!.name, { timeout: 15_000 });
  await expect(he.getByTestId('his-patient')).not.toContainText(patients[0]!.name);

  // The same media connection: no new peer connection, the same consumer, still playing.
  expect(await Promise.all(everyone.map(peerConnections))).toEqual(connections);
  expect((await videoState(chair, 'remote-video', 'local_doctor'))?.consumerId).toBe(chairSees.consumerId);
  await expectVideoPlaying(chair, 'remote-video', 'local_doctor', { timeout: 5_000 });
  await expectVideoPlaying(wang, 'remote-video', 'expert', { timeout: 5_000 });
  expect((await videoState(wang, 'remote-video', 'expert'))?.consumerId).toBeTruthy();
  expect(wangSees.consumerId).toBeTruthy();

  await chair.getByTestId('mdt-tab-summary').click();
  await chair.screenshot({ path: testInfo.outputPath('mdt-case-2.png') });
  const fit = await chair.evaluate(() => ({ scroll: document.scrollingElement?.scrollHeight ?? Infinity, inner: window.innerHeight, width: document.scrollingElement?.scrollWidth ?? Infinity }));
  expect.soft(fit.scroll, 'the sitting must fit the screen').toBeLessThanOrEqual(fit.inner);
  expect.soft(fit.width).toBeLessThanOrEqual(DESKTOP.width);

  // The last "next" ends the sitting: the room closes for everyone.
  await chair.getByTestId('btn-mdt-next').click();
  for (const page of everyone) await expect(page.getByTestId('mdt-page')).toHaveAttribute('data-meeting-status', 'ended', { timeout: 10_000 });
});
