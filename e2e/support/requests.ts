import { expect, type Locator, type Page } from '@playwright/test';

/** 远程会诊申请 steps: the county doctor's form and list, the provincial inbox. */

export const requestCard = (page: Page, requestId: string): Locator => page.locator(`[data-testid="request-card"][data-request-id="${requestId}"]`);

export interface FiledRequest {
  requestId: string;
  /** The attached CT's StudyInstanceUID. */
  ctUid: string;
  /** The request's card in the county doctor's own list. */
  card: Locator;
}

/**
 * The county doctor, on the county home, files an urgent request for `hisPatientId` with the
 * patient's CT attached, asking `expertId`; the summary starts with `token`, unique per test (the card is found by it).
 */
export async function fileUrgentRequestWithCt(county: Page, r: { hisPatientId: string; token: string; summary: string; question: string; expertId: string }): Promise<FiledRequest> {
  await county.getByTestId('request-new').click();
  await county.getByTestId('request-his-id').fill(r.hisPatientId);
  await county.getByTestId('request-lookup').click();
  const ctBox = county.locator('[data-testid="request-study"][data-modalities*="CT"]').first();
  await expect(ctBox).toBeVisible({ timeout: 30_000 });
  const ctUid = (await ctBox.getAttribute('data-study-uid')) ?? '';
  await ctBox.check();
  await county.getByTestId('request-summary').fill(`${r.token} ${r.summary}`);
  await county.getByTestId('request-question').fill(r.question);
  await county.getByTestId('request-urgency-urgent').check();
  await county.locator(`[data-testid="request-expert"][data-user-id="${r.expertId}"]`).check();
  await county.getByTestId('request-submit').click();

  const card = county.getByTestId('my-requests').getByTestId('request-card').filter({ hasText: r.token });
  await expect(card).toHaveAttribute('data-status', 'submitted');
  const requestId = (await card.getAttribute('data-request-id')) ?? '';
  expect(requestId).not.toBe('');
  return { requestId, ctUid, card };
}

/** The coordinator opens the request inbox from the admin area. */
export async function openRequestInbox(coordinator: Page): Promise<void> {
  await coordinator.getByTestId('link-requests').click();
  await expect(coordinator.getByTestId('request-inbox')).toBeVisible();
}

/** On the inbox: the request arrived live, urgent, its response clock running, with the CT attached. */
export async function expectUrgentInInbox(inbox: Page, filed: FiledRequest): Promise<Locator> {
  const card = requestCard(inbox, filed.requestId);
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card).toHaveAttribute('data-urgency', 'urgent');
  await expect(card.getByTestId('response-clock')).toHaveAttribute('data-overdue', 'false');
  await expect(card.getByTestId('request-attachments')).toHaveAttribute('data-study-uids', filed.ctUid);
  return card;
}

/** The inbox schedules the request with the experts, in this order (the first chairs the consultation); its clock stops. */
export async function scheduleWith(card: Locator, expertIds: string[]): Promise<void> {
  await card.getByTestId('request-schedule').click();
  for (const id of expertIds) await card.locator(`[data-testid="schedule-expert"][data-user-id="${id}"]`).check();
  await card.getByTestId('schedule-confirm').click();
  await expect(card).toHaveAttribute('data-status', 'scheduled');
  await expect(card.getByTestId('response-clock')).toHaveCount(0);
}

/** The expert opens the scheduled consultation from their inbox and finds the attached CT first, marked. */
export async function expertOpensWithCt(expert: Page, requestId: string, ctUid: string): Promise<void> {
  await expert.getByTestId('link-requests').click();
  await expert.waitForURL(/\/expert\/requests/);
  await requestCard(expert, requestId).getByTestId('request-open-consultation').click();
  await expert.waitForURL(/\/expert\/consultations\//);
  await expert.getByTestId('tab-imaging').click();
  const studies = expert.getByTestId('imaging-study');
  await expect(studies.first()).toHaveAttribute('data-study-uid', ctUid, { timeout: 30_000 });
  await expect(studies.first()).toHaveAttribute('data-attached', 'true');
}
