import { expect, type Locator, type Page } from '@playwright/test';

/** 双向转诊 steps: the expert's referral panel on the consultation page and the coordinator's booking list. */

export interface UpReferral {
  /** The option's label, e.g. `浙江医院 心血管内科`. */
  department: string;
  exam: 'ct' | 'mri';
  /** Unique per test: the coordinator finds the referral by it. */
  reason: string;
  summary: string;
  /** Send the patient's first CT study along (its 互认 mark then travels with the referral). */
  attachCt?: boolean;
}

/** The expert files an up-referral (上转) from the consultation page; resolves with the referral panel. */
export async function fileUpReferral(expert: Page, r: UpReferral): Promise<Locator> {
  await expert.getByTestId('tab-referral').click();
  const panel = expert.getByTestId('referral-panel');
  await panel.getByTestId('referral-department').selectOption({ label: r.department });
  await panel.getByTestId('referral-exam').selectOption(r.exam);
  await panel.getByTestId('referral-reason').fill(r.reason);
  await panel.getByTestId('referral-summary').fill(r.summary);
  if (r.attachCt) await panel.locator('[data-testid="request-study"][data-modalities*="CT"]').first().check({ timeout: 30_000 });
  await panel.getByTestId('referral-submit').click();
  await expect(panel.getByTestId('referral-status')).toHaveText('待预约');
  return panel;
}

export interface Slot {
  /** Clinic date, YYYY-MM-DD. */
  day: string;
  /** HH:MM, China time. */
  time: string;
  place: string;
}

/**
 * The coordinator, on the booking list (/admin/referrals), books the referral found by its reason
 * (the exam's preparation is filled in for them), then finds it among the booked ones at that slot.
 */
export async function bookReferral(coordinator: Page, reason: string, slot: Slot, preparation: RegExp): Promise<Locator> {
  const card = coordinator.getByTestId('inbox-referral').filter({ hasText: reason });
  await card.getByTestId('referral-book').click();
  await expect(card.getByTestId('book-preparation')).toHaveValue(preparation);
  await card.getByTestId('book-at').fill(`${slot.day}T${slot.time}`);
  await card.getByTestId('book-place').fill(slot.place);
  await card.getByTestId('book-confirm').click();
  await expect(card).toHaveCount(0); // it leaves the 待预约 list
  await coordinator.getByTestId('referral-filter').selectOption('booked');
  const booked = coordinator.getByTestId('inbox-referral').filter({ hasText: reason });
  await expect(booked.getByTestId('referral-slot')).toHaveText(`${slot.day} ${slot.time}`);
  return booked;
}

/**
 * The coordinator books a seat of the department's first open slot (号源) for the referral found by
 * its reason; resolves with the slot's time and place as offered.
 */
export async function bookReferralSeat(coordinator: Page, reason: string, preparation: RegExp): Promise<{ when: string; place: string }> {
  const card = coordinator.getByTestId('inbox-referral').filter({ hasText: reason });
  await card.getByTestId('referral-book').click();
  await expect(card.getByTestId('book-preparation')).toHaveValue(preparation);
  const seat = card.getByTestId('book-slot').first();
  const [when = '', place = ''] = (await seat.locator('xpath=..').innerText()).split(' · ').map((x) => x.trim());
  await seat.check();
  await expect(card.getByTestId('book-at')).toHaveCount(0); // the hand-written fields give way to the slot
  await card.getByTestId('book-confirm').click();
  await expect(card).toHaveCount(0);
  await coordinator.getByTestId('referral-filter').selectOption('booked');
  await expect(coordinator.getByTestId('inbox-referral').filter({ hasText: reason }).getByTestId('referral-slot')).toHaveText(when);
  return { when, place };
}

/** 下转: the expert sends the patient back with a follow-up plan (each item's text, and due date unless the form's default). */
export async function sendFollowUpPlan(panel: Locator, items: { text: string; due?: string }[]): Promise<void> {
  for (const [i, item] of items.entries()) {
    if (i > 0) await panel.getByTestId('plan-add-item').click();
    await panel.getByTestId('plan-item-text').nth(i).fill(item.text);
    if (item.due) await panel.getByTestId('plan-item-due').nth(i).fill(item.due);
  }
  await panel.getByTestId('plan-submit').click();
  await expect(panel.getByTestId('follow-up-item')).toHaveCount(items.length);
}
