import { expect } from '@playwright/test';
import { ApiUser } from '../support/clinic-api';
import { test } from '../support/clinic-pages';

test('the admin finds a write to the HIS that was set aside and sends it again', async ({ devices, request }) => {
  const api = await ApiUser.login(request, 'admin');
  const lastError = `HIS answered 502 (${Date.now()})`;
  const { id } = await api.post('/api/test/outbox/failed', { lastError }, { parse: (d) => ({ id: String((d as { id?: unknown }).id) }) });

  const admin = await devices.open('admin', /\/admin/);
  await admin.getByTestId('link-outbox').click();
  await expect(admin.getByTestId('admin-outbox')).toBeVisible();
  await expect(admin.getByTestId('outbox-state-failed')).toHaveAttribute('aria-pressed', 'true');
  const row = admin.locator(`[data-testid="outbox-row"][data-job-id="${id}"]`);
  await expect(row).toContainText(lastError);
  await row.getByTestId('outbox-retry').click();
  await expect(row).toHaveCount(0);

  // Back in the queue: the job is waiting (or already taken by the outbox, which knows no such kind).
  await admin.getByTestId('outbox-state-pending').click();
  await expect(admin.getByTestId('outbox-state-pending')).toHaveAttribute('aria-pressed', 'true');
  await expect(admin.locator(`[data-testid="outbox-row"][data-job-id="${id}"]`)).toHaveAttribute('data-status', 'pending');
});
