import { expect, type BrowserContext, type Page } from '@playwright/test';
import { ConsultationViewSchema } from '@cloudclinic/shared';
import { scheduledRequest, apiLogin } from './api';
import { loginAs } from './auth';
import { connectionState } from './room';

/** The field doctor's phone as testers hold it. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** A new field consultation of dr.chen for the demo patient p-0001 (嵊泗县人民医院), opened over REST. */
export async function fieldConsultation(baseURL: string): Promise<{ id: string; expertToken: string }> {
  const expert = await apiLogin(baseURL, 'dr.chen');
  const kiosk = await apiLogin(baseURL, 'kiosk.shengsi');
  const requestId = await scheduledRequest(baseURL, expert, 'p-0001');
  const res = await fetch(new URL('/api/consultations', baseURL), {
    method: 'POST',
    headers: { authorization: `Bearer ${expert.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'field', hisPatientId: 'p-0001', institutionId: kiosk.user.institution.id, invite: [], requestId }),
  });
  expect(res.status).toBe(201);
  return { id: ConsultationViewSchema.parse(await res.json()).id, expertToken: expert.accessToken };
}

/** The expert (in `page`, signed out) opens the consultation, creates an invitation there and reads its link. */
export async function expertInvites(page: Page, consultationId: string): Promise<string> {
  await loginAs(page, 'dr.chen');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/expert/consultations/${consultationId}`);
  await expect(connectionState(page)).toHaveText('connected', { timeout: 20_000 });
  await page.getByTestId('btn-invite-field').click();
  await expect(page.getByTestId('field-invite').locator('img')).toBeVisible(); // the QR code
  const link = await page.getByTestId('field-invite-link').inputValue();
  await page.getByTestId('field-invite-close').click(); // out of the way of the video
  const url = new URL(link);
  expect(url.pathname).toBe('/field/join');
  return url.pathname + url.search;
}

/** The field doctor opens the link on the phone (signed out) and lands on the login page. */
export async function openInvite(context: BrowserContext, invitePath: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(invitePath);
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
  return page;
}

/** Signs in as field.xu on the login page the invitation led to, and waits to be in the consultation. */
export async function fieldSignsInAndJoins(page: Page, consultationId: string): Promise<void> {
  await page.getByTestId('login-username').fill('field.xu');
  await page.getByTestId('login-password').fill('Demo@2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`**/field/consultations/${consultationId}`);
  await expect(connectionState(page)).toHaveText('connected', { timeout: 20_000 });
}
