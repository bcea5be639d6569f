import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { CountyHisHandle } from '@cloudclinic/county-his';
import { PrescriptionViewSchema, type PrescriptionView } from '@cloudclinic/shared';
import type { ApiClient, Json } from './clinic-visit';
import type { TestServer } from './test-server';

export const PASSWORD = 'Demo@2026';
export const key = () => `test-${crypto.randomUUID()}`;

/** Loratadine for 28 days under a chronic diagnosis: a line no safety rule stops. */
export const loratadine = { medicationId: 'loratadine-10mg-tab', dose: { value: 10, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 28, instructions: '睡前服用' };

/** Drafted, signed (warnings overridden with a reason), submitted and approved by `reviewer` (`beforeApproval` runs just before). */
export async function approvedPrescription(expert: ApiClient, reviewer: ApiClient, consultationId: string, opts: { items?: object[]; beforeApproval?: () => void } = {}): Promise<PrescriptionView> {
  const items = opts.items ?? [loratadine];
  const created = await expert('POST', `/consultations/${consultationId}/prescriptions`, { diagnosis: '原发性高血压', diagnoses: ['I10'], items }, { 'Idempotency-Key': key() });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const draft = PrescriptionViewSchema.parse(created.body);
  const overrides = draft.findings.filter((f) => f.severity === 'warning').map((f) => ({ findingId: f.id, code: 'benefit_outweighs_risk', reason: '已评估获益与风险，患者知情同意' }));
  const signed = await expert('POST', `/prescriptions/${draft.id}/sign`, { password: PASSWORD, overrides }, { 'Idempotency-Key': key() });
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  expect((await expert('POST', `/prescriptions/${draft.id}/submit`, {}, { 'Idempotency-Key': key() })).body.status).toBe('under_review');
  opts.beforeApproval?.();
  const approved = await reviewer('POST', `/prescriptions/${draft.id}/approve`, { password: PASSWORD, acknowledged: overrides.map((o) => o.findingId) });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return PrescriptionViewSchema.parse(approved.body);
}

export const dispenseBody = (rx: PrescriptionView, extra: object = {}) => ({ items: rx.items.map((i) => ({ itemId: i.id, quantity: i.quantity.value, lot: 'L20261201' })), ...extra });

/** The county HIS as an auditor would read it: resources with our identifier. */
export async function hisFind(his: CountyHisHandle, type: string, query: string): Promise<Json[]> {
  const res = await fetch(`${his.url}/${type}?${query}&_count=100`);
  const bundle = (await res.json()) as Json;
  return (bundle.entry ?? []).map((e: Json) => e.resource);
}
export const requestsOf = (his: CountyHisHandle, rxId: string) => hisFind(his, 'MedicationRequest', `identifier=${encodeURIComponent(`urn:cloudclinic:prescription-item|${rxId}-v1-1`)}`);
export const dispensesOf = (his: CountyHisHandle, rxId: string) => hisFind(his, 'MedicationDispense', `identifier=${encodeURIComponent(`urn:cloudclinic:dispense|${rxId}-v1-1`)}`);

/** Delivers the outbox until no job of this prescription is pending (the HIS must be up). */
export async function flushOutbox(srv: TestServer, rxId: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await srv.services.prisma.outboxJob.updateMany({ where: { dedupeKey: { contains: rxId }, status: 'pending' }, data: { nextAttemptAt: new Date() } });
        await srv.services.outbox.drain();
        return srv.services.prisma.outboxJob.count({ where: { dedupeKey: { contains: rxId }, status: 'pending' } });
      },
      { timeout: 20_000, interval: 300 },
    )
    .toBe(0);
}
