import { expect, type Locator, type Page } from '@playwright/test';
import { HealthResponseSchema } from '@cloudclinic/shared';
import { apiLogin } from './api';
import { DEMO_PASSWORD } from './auth';

/** 会诊意见 steps on the consultation page's opinion panel. */

/** An expert records their own opinion. */
export async function ownOpinion(page: Page, text: string): Promise<void> {
  await page.getByTestId('tab-opinion').click();
  await page.getByTestId('own-opinion-text').fill(text);
  await page.getByTestId('own-opinion-save').click();
  await expect(page.getByTestId('own-opinion-saved')).toBeVisible();
}

export interface JointOpinion {
  findings: string;
  /** An ICD-10 code, entered in the diagnosis search. */
  icd10: string;
  treatment: string;
  /** The second expert's dissent, if any. */
  dissent?: string;
}

/** The chair compiles the joint opinion and submits it for signing; resolves with its card and id. */
export async function submitJointOpinion(chair: Page, o: JointOpinion): Promise<{ opinion: Locator; opinionId: string }> {
  await chair.getByTestId('joint-findings').fill(o.findings);
  await chair.getByTestId('joint-dx-search').fill(o.icd10);
  await chair.getByTestId('joint-dx-search').press('Enter');
  await expect(chair.getByTestId('joint-dx-chip')).toHaveCount(1);
  await chair.getByTestId('joint-treatment').fill(o.treatment);
  if (o.dissent) await chair.locator('[data-testid="joint-dissent"]').nth(1).fill(o.dissent);
  await chair.getByTestId('joint-submit').click();
  const opinion = chair.getByTestId('joint-opinion').first();
  await expect(opinion).toHaveAttribute('data-status', 'signing');
  return { opinion, opinionId: (await opinion.getAttribute('data-opinion')) ?? '' };
}

/** An expert signs the joint opinion with their own password. */
export async function signOpinion(page: Page): Promise<void> {
  const panel = page.getByTestId('opinion-panel');
  await panel.getByTestId('opinion-sign').click();
  await panel.getByTestId('rx-password').fill(DEMO_PASSWORD);
  await panel.getByTestId('rx-sign-confirm').click();
  await expect(panel.getByTestId('opinion-sign')).toHaveCount(0);
}

/** The public /verify page of the opinion, opened beside `page`: valid, with `signatures` valid signatures. */
export async function expectOpinionVerified(page: Page, opinionId: string, signatures: number): Promise<Page> {
  const verify = await page.context().newPage();
  await verify.goto(`/verify/opinion/${opinionId}`);
  await expect(verify.getByTestId('opinion-verify-result')).toHaveAttribute('data-valid', 'true');
  await expect(verify.locator('[data-testid="opinion-verify-signature"][data-valid="true"]')).toHaveCount(signatures);
  return verify;
}

/** DocumentReferences in the county HIS with our identifier (`<consultationId>/v<version>`; the simulator's address from the admin's health view). */
export async function hisOpinionDocuments(baseURL: string, identifier: string): Promise<number> {
  const admin = await apiLogin(baseURL, 'admin');
  const health = HealthResponseSchema.parse(await (await fetch(new URL('/api/health', baseURL), { headers: { authorization: `Bearer ${admin.accessToken}` } })).json());
  const his = health.integrations?.['his']?.url;
  if (!his) throw new Error('no county HIS configured');
  const res = await fetch(`${his.replace(/\/+$/, '')}/DocumentReference?identifier=${encodeURIComponent(`urn:cloudclinic:mdt-opinion|${identifier}`)}`);
  const bundle = (await res.json()) as { entry?: unknown[] };
  return bundle.entry?.length ?? 0;
}

/** The HIS holds the opinion's DocumentReference exactly once, also after another delivery round. */
export async function expectHisHoldsOpinionOnce(page: Page, baseURL: string, identifier: string): Promise<void> {
  await expect.poll(() => hisOpinionDocuments(baseURL, identifier), { timeout: 30_000 }).toBe(1);
  await page.waitForTimeout(2000); // a second delivery round must not add a copy
  expect(await hisOpinionDocuments(baseURL, identifier)).toBe(1);
}
