import { DEMO_PATIENTS } from '@cloudclinic/county-his';
import { maskName, maskResidentId } from '@cloudclinic/shared';
import type { Prisma } from '../database';
import { hashResidentId } from '../../modules/clinic/schedule-service';
import { hashPassword, verifyPassword } from '../../modules/auth/password';
import { APPOINTMENTS, DEMO_PASSWORD, DEPARTMENTS, INSTITUTIONS, KIOSK_STAFF_PINS, SESSIONS, USERS } from './demo-data';
import { seedPrescribingPrivileges } from '../../modules/prescriptions/privileges';
import { seedReferralSlots } from './referral-slots';

/** Start of `day` in Asia/Shanghai (UTC+8, no DST), plus `hour` hours. */
export function shanghaiTime(day: Date, hour: number): Date {
  const local = new Date(day.getTime() + 8 * 3600_000);
  const midnightUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - 8 * 3600_000;
  return new Date(midnightUtc + hour * 3600_000);
}

export function shanghaiDateKey(day: Date): string {
  return new Date(day.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** Idempotent demo seed: institutions, departments, one account per role, today's sessions. */
export async function seedDemoData(prisma: Prisma, today = new Date()): Promise<{ users: number; sessions: number; appointments: number }> {
  const inst = new Map<string, string>();
  for (const i of INSTITUTIONS) {
    const row = await prisma.institution.upsert({
      where: { code: i.code },
      update: { name: i.name, nameEn: i.nameEn, kind: i.kind, region: i.region },
      create: { code: i.code, name: i.name, nameEn: i.nameEn, kind: i.kind, region: i.region },
    });
    inst.set(i.code, row.id);
    const pin = KIOSK_STAFF_PINS[i.code];
    if (pin && !(row.kioskStaffPinHash && (await verifyPassword(pin, row.kioskStaffPinHash)))) {
      await prisma.institution.update({ where: { id: row.id }, data: { kioskStaffPinHash: await hashPassword(pin) } });
    }
  }
  const dept = new Map<string, string>();
  for (const d of DEPARTMENTS) {
    const institutionId = mustGet(inst, d.institution);
    const row = await prisma.department.upsert({
      where: { institutionId_code: { institutionId, code: d.code } },
      update: { name: d.name, nameEn: d.nameEn },
      create: { institutionId, code: d.code, name: d.name, nameEn: d.nameEn },
    });
    dept.set(d.code, row.id);
  }
  const users = new Map<string, string>();
  for (const u of USERS) {
    const existing = await prisma.user.findUnique({ where: { username: u.username } });
    const passwordHash = existing && (await verifyPassword(DEMO_PASSWORD, existing.passwordHash)) ? existing.passwordHash : await hashPassword(DEMO_PASSWORD);
    const data = {
      displayName: u.displayName,
      role: u.role,
      institutionId: mustGet(inst, u.institution),
      departmentId: u.department ? mustGet(dept, u.department) : null,
      qualificationNo: u.qualificationNo ?? null,
      passwordHash,
    };
    const row = await prisma.user.upsert({ where: { username: u.username }, update: data, create: { username: u.username, ...data } });
    users.set(u.username, row.id);
  }
  await seedPrescribingPrivileges(prisma);
  await seedReferralSlots(prisma, mustGet(dept, 'cardiology'), today);
  const dayKey = shanghaiDateKey(today);
  for (const s of SESSIONS) {
    const id = `demo-${s.key}-${dayKey}`;
    const data = {
      expertId: mustGet(users, s.expert),
      departmentId: mustGet(dept, s.department),
      startsAt: shanghaiTime(today, s.startHour),
      endsAt: shanghaiTime(today, s.endHour),
      capacity: s.capacity,
    };
    await prisma.clinicSession.upsert({ where: { id }, update: data, create: { id, ...data } });
    for (const code of s.serves) {
      const institutionId = mustGet(inst, code);
      await prisma.clinicSessionInstitution.upsert({
        where: { sessionId_institutionId: { sessionId: id, institutionId } },
        update: {},
        create: { sessionId: id, institutionId },
      });
    }
  }
  // Appointments: created once per day; a restart keeps whatever state the clinic has reached.
  const queueNumbers = new Map<string, number>();
  for (const a of APPOINTMENTS) {
    const session = SESSIONS.find((s) => s.key === a.session);
    const patient = DEMO_PATIENTS.find((p) => p.id === a.patientId);
    if (!session || !patient) throw new Error(`seed: unknown appointment reference ${a.session}/${a.patientId}`);
    const sessionId = `demo-${session.key}-${dayKey}`;
    const n = (queueNumbers.get(sessionId) ?? 0) + 1;
    queueNumbers.set(sessionId, n);
    const id = `demo-appt-${session.key}-${dayKey}-${n}`;
    await prisma.appointment.upsert({
      where: { id },
      update: {},
      create: {
        id,
        sessionId,
        institutionId: mustGet(inst, patient.institution),
        code: `${session.codePrefix}${dayKey.slice(4)}${String(n).padStart(2, '0')}`,
        queueNumber: n,
        hisPatientId: patient.id,
        patientLabel: maskName(patient.name),
        maskedId: maskResidentId(patient.residentId),
        residentIdHash: hashResidentId(patient.residentId),
        // The simulator's fixed demo patients: the same identity booking would resolve in the HIS.
        patientSex: patient.sex,
        patientBirthDate: patient.birthDate,
        hisNumber: patient.hisNumber,
        hisVerifiedAt: new Date(),
      },
    });
  }
  return { users: USERS.length, sessions: SESSIONS.length, appointments: APPOINTMENTS.length };
}

function mustGet(map: Map<string, string>, key: string): string {
  const v = map.get(key);
  if (v === undefined) throw new Error(`seed: unknown reference ${key}`);
  return v;
}
