import type { AccessClaims } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { forbidden } from '../../lib/errors';
import type { MdtActor } from './mdt-policy';

/** The acting account as the database knows it now (never the token's idea of its role). */
export async function loadMdtActor(prisma: Prisma, user: AccessClaims): Promise<MdtActor & { displayName: string; institutionName: string }> {
  const u = await prisma.user.findUnique({ where: { id: user.sub }, include: { institution: { select: { name: true } } } });
  if (!u || u.disabled) throw forbidden();
  return { id: u.id, role: u.role, institutionId: u.institutionId, displayName: u.displayName, institutionName: u.institution.name };
}

/** ISO weekday (1 Monday … 7 Sunday) of a clinic date `YYYY-MM-DD`. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}
