import { describe, expect, it } from 'vitest';
import { input, item } from '../test-fixtures';
import { durationRule } from './duration';
import { highAlertRule } from './high-alert';
import { stockRule } from './stock';

describe('stock, high-alert and long prescriptions', () => {
  it('refuses what the county pharmacy does not stock and warns when stock is short', () => {
    expect(stockRule(input({ items: [item('linezolid-600mg-tab')] }))[0]).toMatchObject({ rule: 'stock', severity: 'refused' });
    const [short] = stockRule(input({ items: [item('amlodipine-5mg-tab', { days: 90, stock: 2 })] }));
    expect(short).toMatchObject({ severity: 'warning' });
    expect(short?.message).toContain('现有2盒，需4盒');
    expect(stockRule(input({ items: [item('amlodipine-5mg-tab', { stock: 5 })] }))).toEqual([]);
  });

  it('marks high-alert medications for double checking', () => {
    expect(highAlertRule(input({ items: [item('warfarin-2.5mg-tab'), item('amlodipine-5mg-tab')] }))).toEqual([
      expect.objectContaining({ rule: 'high_alert', severity: 'info', medicationIds: ['warfarin-2.5mg-tab'] }),
    ]);
  });

  it('allows a long prescription (长处方) of more than 30 days only for a chronic disease', () => {
    expect(durationRule(input({ items: [item('amlodipine-5mg-tab', { days: 60 })], diagnoses: ['I10'] }))[0]).toMatchObject({ rule: 'duration', severity: 'info' });
    expect(durationRule(input({ items: [item('amlodipine-5mg-tab', { days: 60 })] }))[0]).toMatchObject({ rule: 'duration', severity: 'refused' });
  });
});
