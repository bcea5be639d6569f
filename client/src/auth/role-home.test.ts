import { ROLES } from '@cloudclinic/shared';
import { describe, expect, it } from 'vitest';
import { homePathFor, postLoginPath, ROLE_HOME } from './role-home';

describe('role home', () => {
  it('maps each role to its home path', () => {
    expect(ROLE_HOME).toEqual({
      expert: '/expert',
      county_doctor: '/county',
      kiosk: '/kiosk',
      pharmacist: '/pharmacy',
      field_doctor: '/field',
      admin: '/admin',
    });
    for (const role of ROLES) expect(homePathFor(role)).toMatch(/^\/[a-z]+$/);
  });

  it('returns to the previous page only inside the role area', () => {
    expect(postLoginPath('expert', '/expert/consultations/42')).toBe('/expert/consultations/42');
    expect(postLoginPath('expert', '/expert?tab=queue')).toBe('/expert?tab=queue');
    expect(postLoginPath('expert', '/admin')).toBe('/expert');
    expect(postLoginPath('expert', '/expertise')).toBe('/expert');
    expect(postLoginPath('kiosk', undefined)).toBe('/kiosk');
    expect(postLoginPath('kiosk', null)).toBe('/kiosk');
  });
});
