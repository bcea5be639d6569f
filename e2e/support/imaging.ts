import { expect, type Locator, type Page } from '@playwright/test';

/** 共享阅片 steps on the imaging viewer (the consultation page's imaging tab or /imaging/:id). */

/** The slice number shown on the viewer (1-based). */
export const sliceIndex = (page: Page): Locator => page.getByTestId('imaging-slice-index');

/** Scrolls the viewer by `steps` slices with the keyboard (negative: up). */
export async function scrollSlices(page: Page, steps: number): Promise<void> {
  const viewport = page.getByTestId('imaging-viewport');
  await viewport.focus();
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
}

/** The presenter takes the role and opens the series whose label contains `series`, expecting `slices` slices. */
export async function presentSeries(page: Page, series: string, slices: number): Promise<void> {
  await page.getByTestId('imaging-take-presenter').click();
  await expect(page.getByTestId('imaging-presenter-status')).toContainText('您正在主讲');
  await page.getByTestId('imaging-series').filter({ hasText: series }).click();
  await expect(page.getByTestId('imaging-slice-count')).toHaveText(String(slices));
  await expect(sliceIndex(page)).toHaveText('1');
}
