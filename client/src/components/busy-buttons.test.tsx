import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { BusyButton } from './BusyButton';
import { KioskTopBar } from '../features/kiosk/KioskTopBar';
import { reviewed } from '../features/pharmacy/review-test-fixture';
import { ReviewCard } from '../features/prescription/ReviewCard';
import { DeclineForm } from '../features/requests/DeclineForm';
import { ScheduleForm } from '../features/requests/ScheduleForm';
import { initI18n } from '../i18n';

/** The opening tag of the button with this test id, as drawn. */
function button(html: string, testId: string): string {
  const tag = new RegExp(`<button[^>]*data-testid="${testId}"[^>]*>`).exec(html)?.[0];
  if (!tag) throw new Error(`no button ${testId} in ${html}`);
  return tag;
}

/** Disabled (a second click sends nothing) and saying it is busy (aria-busy, with the spinner after it). */
function expectBusy(html: string, testId: string): void {
  const tag = button(html, testId);
  expect(tag, testId).toMatch(/\sdisabled=""/);
  expect(tag, testId).toContain('aria-busy="true"');
  expect(html.slice(html.indexOf(tag)), testId).toMatch(/^<button[^>]*>\s*<span class="button__busy"><span class="spinner"/);
}

const noop = () => undefined;

beforeAll(() => {
  initI18n();
});

describe('buttons that send a request show it while it runs', () => {
  it('BusyButton: busy is disabled with aria-busy and a spinner; idle is neither', () => {
    expectBusy(renderToStaticMarkup(<BusyButton busy data-testid="b">Save</BusyButton>), 'b');
    const idle = renderToStaticMarkup(<BusyButton busy={false} data-testid="b">Save</BusyButton>);
    expect(button(idle, 'b')).not.toMatch(/\sdisabled=""/);
    expect(button(idle, 'b')).toContain('aria-busy="false"');
    expect(button(idle, 'b')).toContain('type="button"');
    expect(idle).not.toContain('spinner');
    const label = renderToStaticMarkup(<BusyButton busy busyLabel="Saving…" data-testid="b">Save</BusyButton>);
    expect(label).toContain('Saving…');
  });

  it('the kiosk: calling the staff', () => {
    expectBusy(renderToStaticMarkup(<KioskTopBar onBack={null} staff={{ state: 'sending', call: noop }} />), 'kiosk-call-staff');
  });

  it('the pharmacist: approving a prescription', () => {
    const html = renderToStaticMarkup(<ReviewCard rx={reviewed({ id: 'rx1' })} pending offline={false} errorCode={null} onApprove={noop} onReject={noop} onDispense={noop} />);
    expectBusy(html, 'rx-approve');
  });

  it('the pharmacist: dispensing an approved prescription', () => {
    const html = renderToStaticMarkup(<ReviewCard rx={reviewed({ id: 'rx2', status: 'approved' })} pending offline={false} errorCode={null} onApprove={noop} onReject={noop} onDispense={noop} />);
    expectBusy(html, 'rx-dispense');
  });

  it('the coordinator: declining a consultation request', () => {
    expectBusy(renderToStaticMarkup(<DeclineForm pending onSubmit={noop} onCancel={noop} />), 'decline-confirm');
  });

  it('the coordinator: scheduling a consultation request', () => {
    const experts = [{ id: 'e1', displayName: '陈建华', institutionName: '浙江医院', departmentId: null }];
    const html = renderToStaticMarkup(<ScheduleForm mode="schedule" experts={experts} pending onSubmit={noop} onCancel={noop} />);
    expectBusy(html, 'schedule-confirm');
  });
});
