import type { AppointmentView, ClinicSessionView } from '@cloudclinic/shared';
import type { Prisma as Db } from '../../generated/prisma/client';
import { ageInChina } from './patient-age';

export const sessionInclude = {
  expert: true,
  department: true,
  institutions: { include: { institution: true } },
  appointments: { select: { status: true } },
} as const;

export const appointmentInclude = {
  institution: true,
  consultation: { select: { id: true } },
  consents: { orderBy: { recordedAt: 'desc' } },
} as const;

type SessionRow = Db.ClinicSessionGetPayload<{ include: typeof sessionInclude }>;
type AppointmentRow = Db.AppointmentGetPayload<{ include: typeof appointmentInclude }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function sessionView(s: SessionRow): ClinicSessionView {
  const count = (...st: string[]) => s.appointments.filter((a) => st.includes(a.status)).length;
  return {
    id: s.id,
    expert: { id: s.expert.id, displayName: s.expert.displayName },
    department: { id: s.department.id, name: s.department.name, nameEn: s.department.nameEn },
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    capacity: s.capacity,
    slotMinutes: s.slotMinutes,
    institutions: s.institutions.map((i) => ({ id: i.institution.id, name: i.institution.name, nameEn: i.institution.nameEn })),
    counts: { booked: count('booked', 'checked_in', 'called', 'in_consultation', 'completed'), waiting: count('checked_in'), done: count('completed') },
  };
}

const SEXES = ['male', 'female', 'other', 'unknown'] as const;
const sexOf = (s: string | null) => SEXES.find((x) => x === s) ?? null;

/** `staff`: false on the public kiosk screen, which never shows the HIS number. */
export function appointmentView(a: AppointmentRow, opts: { staff: boolean } = { staff: true }): AppointmentView {
  const latest = (kind: 'telemedicine' | 'recording') => a.consents.find((c) => c.kind === kind)?.granted ?? null;
  // A telemedicine consent counts only while it stands (a re-opened check-in asks again).
  const telemedicine = a.telemedicineConsentAt ? true : latest('telemedicine') === null ? null : false;
  return {
    id: a.id,
    sessionId: a.sessionId,
    code: a.code,
    queueNumber: a.queueNumber,
    status: a.status,
    patientLabel: a.patientLabel,
    maskedId: a.maskedId,
    hisPatientId: a.hisPatientId,
    patient: {
      sex: sexOf(a.patientSex),
      age: ageInChina(a.patientBirthDate),
      hisNumber: opts.staff ? a.hisNumber : null,
      verified: a.hisVerifiedAt !== null,
    },
    institution: { id: a.institution.id, name: a.institution.name, nameEn: a.institution.nameEn },
    checkedInAt: iso(a.checkedInAt),
    calledAt: iso(a.calledAt),
    completedAt: iso(a.completedAt),
    consultationId: a.consultation?.id ?? null,
    consents: { telemedicine, recording: latest('recording') },
  };
}
