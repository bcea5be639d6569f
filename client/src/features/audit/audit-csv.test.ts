import type { AuditEventView } from '@cloudclinic/shared';
import { describe, expect, it } from 'vitest';
import { auditCsv, csvField } from './audit-csv';

const event: AuditEventView = {
  id: 'e1',
  at: '2026-03-01T02:00:00.000Z',
  actorId: 'u1',
  actorUsername: 'dr.chen',
  actorRole: 'expert',
  institutionId: null,
  action: 'record.read',
  outcome: 'ok',
  entityType: null,
  entityId: null,
  hisPatientId: 'p-0001',
  consultationId: 'c1',
  requestId: null,
  ip: '10.0.0.1',
};

describe('audit CSV export', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField(null)).toBe('');
  });

  it('never lets a spreadsheet run a field as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes a header and one row per event', () => {
    const lines = auditCsv([event]).replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('at,actorUsername,actorRole,action,outcome,hisPatientId,consultationId,entityType,entityId,institutionId,requestId,ip');
    expect(lines[1]).toBe('2026-03-01T02:00:00.000Z,dr.chen,expert,record.read,ok,p-0001,c1,,,,,10.0.0.1');
  });
});
