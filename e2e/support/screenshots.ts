import type { Page, TestInfo } from '@playwright/test';

/** A screenshot of one role's screen at a moment of the test, saved in the test's output folder and attached to the report. */
export async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
