import { test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { loginAs } from './auth';

/** The sizes each role works at: desk staff 1440×900, the kiosk 1080×1920 portrait touch, the field phone 390×844. */
export const SIZES = {
  desk: { viewport: { width: 1440, height: 900 } },
  kiosk: { viewport: { width: 1080, height: 1920 }, hasTouch: true },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
} as const;
export type Size = keyof typeof SIZES;

/** One signed-in screen per call, in the given language and size; every context is closed after the test. */
export class Screens {
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly baseURL: string,
  ) {}

  async signedIn(username: string, language: string, size: Size = 'desk'): Promise<Page> {
    const context = await this.browser.newContext({ baseURL: this.baseURL, permissions: ['camera', 'microphone'], locale: language, timezoneId: 'Asia/Shanghai', ...SIZES[size] });
    this.contexts.push(context);
    await context.addInitScript((lng) => window.localStorage.setItem('cloudclinic.language', lng), language);
    const page = await context.newPage();
    await loginAs(page, username);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.contexts.splice(0).map((c) => c.close()));
  }
}

export const test = base.extend<{ screens: Screens }>({
  screens: async ({ browser, baseURL }, use) => {
    const screens = new Screens(browser, baseURL ?? '');
    await use(screens);
    await screens.closeAll();
  },
});
