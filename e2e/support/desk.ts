import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { loginAs } from './auth';

/** The desk staff's screen: experts, county doctors and the coordinator work at 1440×900. */
export const DESKTOP = { width: 1440, height: 900 };

/** Desk screens, each its own signed-in browser context (zh-CN, Shanghai time, camera and microphone allowed), closed after the test. */
export class Desks {
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly baseURL: string,
  ) {}

  /** Signs `username` in through the login page, then opens `path`; `prepare` runs on the new context first. */
  async open(username: string, path: string, prepare?: (context: BrowserContext) => Promise<void>): Promise<Page> {
    const context = await this.browser.newContext({ baseURL: this.baseURL, viewport: DESKTOP, permissions: ['camera', 'microphone'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    this.contexts.push(context);
    await prepare?.(context);
    const page = await context.newPage();
    await loginAs(page, username);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(path);
    return page;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.contexts.splice(0).map((c) => c.close()));
  }
}

/** The page stays one screen at 1440×900 (panels scroll on their own); soft, so every overflow is reported. */
export async function expectFitsDesk(page: Page): Promise<void> {
  const fit = await page.evaluate(() => ({ scroll: document.scrollingElement?.scrollHeight ?? Infinity, inner: window.innerHeight, width: document.scrollingElement?.scrollWidth ?? Infinity }));
  expect.soft(fit.scroll, 'the page must not be taller than the screen').toBeLessThanOrEqual(fit.inner);
  expect.soft(fit.width, 'the page must not be wider than the screen').toBeLessThanOrEqual(DESKTOP.width);
}
