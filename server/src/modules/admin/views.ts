import type { ManagedInstitution, ManagedUser } from '@cloudclinic/shared';
import type { Prisma as Db } from '../../generated/prisma/client';

export const managedUserInclude = { institution: true, department: true, mfa: { select: { confirmedAt: true } } } as const;
type UserRow = Db.UserGetPayload<{ include: typeof managedUserInclude }>;

export const managedInstitutionInclude = { departments: { orderBy: { code: 'asc' } }, _count: { select: { users: true } } } as const;
type InstitutionRow = Db.InstitutionGetPayload<{ include: typeof managedInstitutionInclude }>;

const ref = (r: { id: string; name: string; nameEn: string }) => ({ id: r.id, name: r.name, nameEn: r.nameEn });

/** An account as the administrator sees it: never the password hash or second-factor secrets. */
export function managedUserView(u: UserRow): ManagedUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    institution: ref(u.institution),
    department: u.department ? ref(u.department) : null,
    qualificationNo: u.qualificationNo,
    antibioticPrivilege: u.antibioticPrivilege,
    disabled: u.disabled,
    mfaEnrolled: Boolean(u.mfa?.confirmedAt),
    lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
  };
}

export function managedInstitutionView(i: InstitutionRow): ManagedInstitution {
  return { id: i.id, code: i.code, name: i.name, nameEn: i.nameEn, kind: i.kind, region: i.region, departments: i.departments.map(ref), userCount: i._count.users };
}
