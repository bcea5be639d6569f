import type { AntibioticGrade } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';

/**
 * Demo prescribers' antibiotic privileges (抗菌药物处方权限), by username. In a real deployment the
 * medical affairs office grants them with the prescriber's title.
 */
export const DEMO_ANTIBIOTIC_PRIVILEGES: Readonly<Record<string, AntibioticGrade>> = {
  'dr.chen': 'restricted',
  'dr.he': 'special',
  'dr.lin': 'unrestricted',
  'doc.wang': 'unrestricted',
  'doc.daishan': 'unrestricted',
  'field.xu': 'unrestricted',
};

/** Idempotent: part of the demo seed. */
export async function seedPrescribingPrivileges(prisma: Prisma): Promise<void> {
  for (const [username, antibioticPrivilege] of Object.entries(DEMO_ANTIBIOTIC_PRIVILEGES)) {
    await prisma.user.updateMany({ where: { username }, data: { antibioticPrivilege } });
  }
}
