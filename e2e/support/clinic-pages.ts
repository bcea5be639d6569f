import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { loginAs } from './auth';
import { Desks } from './desk';

/** Several people on their own devices: one browser context each (own storage), closed after the test. */
export class Devices {
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly browser: Browser) {}

  /** Signs `username` in on a fresh device and waits for their home page; `prepare` runs on the new context first. */
  async open(username: string, home: RegExp, prepare?: (context: BrowserContext) => Promise<void>): Promise<Page> {
    const context = await this.browser.newContext();
    this.contexts.push(context);
    await prepare?.(context);
    const page = await context.newPage();
    await loginAs(page, username);
    await expect(page).toHaveURL(home);
    return page;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.contexts.splice(0).map((c) => c.close()));
  }
}

export const test = base.extend<{ devices: Devices; desks: Desks }>({
  devices: async ({ browser }, use) => {
    const devices = new Devices(browser);
    await use(devices);
    await devices.closeAll();
  },
  desks: async ({ browser, baseURL }, use) => {
    const desks = new Desks(browser, baseURL ?? '');
    await use(desks);
    await desks.closeAll();
  },
});

/** Kiosk: check in with the slip code, consent, skip through the device check; ends on the waiting screen. */
export async function kioskCheckIn(kiosk: Page, code: string): Promise<void> {
  await kiosk.getByTestId('kiosk-checkin-code').fill(code);
  await kiosk.getByTestId('kiosk-checkin-submit').click();
  await kiosk.getByTestId('consent-accept').click();
  await kiosk.getByTestId('device-check-continue').click();
  await expect(kiosk.getByTestId('queue-position')).toBeVisible();
}

export function queueRow(expert: Page, appointmentId: string): Locator {
  return expert.locator(`[data-testid="queue-item"][data-appointment-id="${appointmentId}"]`);
}

/** Width of the first decoded frame of a remote participant's video (0 until frames arrive). */
export function remoteVideoWidth(page: Page, peerRole: string): Promise<number> {
  return page
    .locator(`[data-testid="remote-video"][data-peer-role="${peerRole}"]`)
    .first()
    .evaluate((v: HTMLVideoElement) => v.videoWidth)
    .catch(() => 0);
}
