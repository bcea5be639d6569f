import { describe, expect, it } from 'vitest';
import { minimisePatient, RESIDENT_ID_SYSTEM } from './minimise';

describe('least access to the patient resource', () => {
  it('masks the resident ID and drops phone, street and contacts', () => {
    const out = minimisePatient({
      resourceType: 'Patient',
      id: 'p-0002',
      identifier: [
        { system: RESIDENT_ID_SYSTEM, value: '330922194809300262' },
        { system: 'urn:cloudclinic:his:sscph', value: 'SS1000002' },
      ],
      telecom: [{ system: 'phone', value: '13800000000' }],
      address: [{ line: ['菜园镇 1 号'], city: '舟山市', district: '嵊泗县', text: '舟山市嵊泗县菜园镇 1 号' }],
      contact: [{ name: { text: '家属' } }],
      name: [{ text: '李秀英' }],
    });
    const text = JSON.stringify(out);
    expect(text).not.toContain('330922194809300262');
    expect(text).toContain('330922********0262');
    expect(text).toContain('SS1000002');
    expect(text).not.toContain('13800000000');
    expect(text).not.toContain('菜园镇');
    expect(text).toContain('嵊泗县');
    expect(text).not.toContain('家属');
    expect(text).toContain('李秀英');
  });

  it('leaves other resources untouched', () => {
    const obs = { resourceType: 'Observation', id: 'o1', valueQuantity: { value: 1 } };
    expect(minimisePatient(obs)).toBe(obs);
  });
});
