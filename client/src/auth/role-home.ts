import type { Role } from '@cloudclinic/shared';

/** Where each role lands after login; also the root path of that role's area. */
export const ROLE_HOME: Readonly<Record<Role, string>> = {
  expert: '/expert',
  county_doctor: '/county',
  kiosk: '/kiosk',
  pharmacist: '/pharmacy',
  field_doctor: '/field',
  admin: '/admin',
};

export function homePathFor(role: Role): string {
  return ROLE_HOME[role];
}

/**
 * Where to go after login: back to `from` (the page the user was sent away from) when it lies
 * inside this role's area, otherwise the role's home.
 */
export function postLoginPath(role: Role, from: string | null | undefined): string {
  const home = ROLE_HOME[role];
  if (from && (from === home || from.startsWith(`${home}/`) || from.startsWith(`${home}?`))) return from;
  // A consultation room link (e.g. an invitation) is open to every role; the server decides who may join.
  if (from && /^\/room\/[A-Za-z0-9_-]+$/.test(from)) return from;
  return home;
}
