import { Router } from 'express';
import { z } from 'zod';
import { RoleSchema } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { handle } from '../handler';
import { requireRole } from '../middleware/auth';

const UsersQuery = z.object({ role: RoleSchema.optional(), institutionId: z.string().max(64).optional() });

/** Who can be invited to a consultation or put on a session: names, roles, institutions. No patient data. */
export function directoryRoutes(prisma: Prisma): Router {
  const r = Router();
  r.use(requireRole('expert', 'admin'));
  r.get(
    '/users',
    handle({ query: UsersQuery }, async ({ query }) => ({
      users: (
        await prisma.user.findMany({
          where: { disabled: false, ...(query.role ? { role: query.role } : {}), ...(query.institutionId ? { institutionId: query.institutionId } : {}) },
          include: { institution: true, department: true },
          orderBy: { username: 'asc' },
        })
      ).map((u) => ({ id: u.id, displayName: u.displayName, role: u.role, institution: { id: u.institution.id, name: u.institution.name }, departmentName: u.department?.name ?? null, departmentNameEn: u.department?.nameEn ?? null })),
    })),
  );
  r.get(
    '/institutions',
    handle({}, async () => ({
      institutions: (await prisma.institution.findMany({ include: { departments: true }, orderBy: { code: 'asc' } })).map((i) => ({
        id: i.id,
        code: i.code,
        name: i.name,
        nameEn: i.nameEn,
        kind: i.kind,
        departments: i.departments.map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn })),
      })),
    })),
  );
  return r;
}
