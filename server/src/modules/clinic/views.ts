import type { AppointmentView, ClinicSessionView } from '@cloudclinic/shared';
import type { Prisma as Db } from '../../generated/prisma/client';

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
    department: { id: s.department.id, name: s.department.name },
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    capacity: s.capacity,
    slotMinutes: s.slotMinutes,
    institutions: s.institutions.map((i) => ({ id: i.institution.id, name: i.institution.name })),
    counts: { booked: count('booked', 'checked_in', 'called', 'in_consultation', 'completed'), waiting: count('checked_in'), done: count('completed') },
  };
}

export function appointmentView(a: AppointmentRow): AppointmentView {
  const latest = (kind: 'telemedicine' | 'recording') => a.consents.find((c) => c.kind === kind)?.granted ?? null;
  return {
    id: a.id,
    sessionId: a.sessionId,
    code: a.code,
    queueNumber: a.queueNumber,
    status: a.status,
    patientLabel: a.patientLabel,
    maskedId: a.maskedId,
    hisPatientId: a.hisPatientId,
    institution: { id: a.institution.id, name: a.institution.name },
    checkedInAt: iso(a.checkedInAt),
    calledAt: iso(a.calledAt),
    completedAt: iso(a.completedAt),
    consultationId: a.consultation?.id ?? null,
    consents: { telemedicine: latest('telemedicine'), recording: latest('recording') },
  };
}
