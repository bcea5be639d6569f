import type { AccessClaims, ManagedInstitution, UpdateInstitutionRequest } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, notFound, toAppError } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import { AdminPolicy } from './admin-policy';
import { managedInstitutionInclude, managedInstitutionView } from './views';

/** Institutions as administrators manage them: list, rename (Chinese and English names), audited. */
export class InstitutionAdmin {
  constructor(
    private readonly prisma: Prisma,
    private readonly audit: AuditLog,
  ) {}

  async list(user: AccessClaims): Promise<ManagedInstitution[]> {
    AdminPolicy.assertAdmin(user);
    const rows = await this.prisma.institution.findMany({ include: managedInstitutionInclude, orderBy: { code: 'asc' } });
    return rows.map(managedInstitutionView);
  }

  async update(user: AccessClaims, id: string, req: UpdateInstitutionRequest): Promise<ManagedInstitution> {
    const base = { action: 'admin.institution.update', actorId: user.sub, actorRole: user.role, institutionId: user.inst, entityType: 'Institution', entityId: id };
    try {
      AdminPolicy.assertAdmin(user);
      const current = await this.prisma.institution.findUnique({ where: { id } });
      if (!current) throw notFound('Institution');
      // Two institutions with one name could not be told apart on a slip or a prescription.
      const clash = await this.prisma.institution.findFirst({
        where: { id: { not: id }, OR: [...(req.name ? [{ name: req.name }] : []), ...(req.nameEn ? [{ nameEn: { equals: req.nameEn, mode: 'insensitive' as const } }] : [])] },
        select: { id: true },
      });
      if (clash) throw new AppError('institution_name_taken', 'Another institution already has this name');
      const row = await this.prisma.institution.update({
        where: { id },
        data: { ...(req.name !== undefined ? { name: req.name } : {}), ...(req.nameEn !== undefined ? { nameEn: req.nameEn } : {}) },
        include: managedInstitutionInclude,
      });
      await this.audit.record({ ...base, outcome: 'ok', detail: { from: { name: current.name, nameEn: current.nameEn }, to: { name: row.name, nameEn: row.nameEn } } });
      return managedInstitutionView(row);
    } catch (err) {
      const e = err instanceof AppError ? err : toAppError(err);
      await this.audit.record({ ...base, outcome: e.code });
      throw e;
    }
  }
}
