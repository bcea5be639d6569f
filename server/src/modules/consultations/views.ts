import type { ConsultationView, ParticipantRole } from '@cloudclinic/shared';
import type { Prisma as Db } from '../../generated/prisma/client';

export const consultationInclude = {
  institution: true,
  request: { select: { studyUids: true } },
  participants: { include: { user: { include: { institution: true } } }, orderBy: { invitedAt: 'asc' } },
} as const;

type ConsultationRow = Db.ConsultationGetPayload<{ include: typeof consultationInclude }>;

export function consultationView(c: ConsultationRow, myRole: ParticipantRole): ConsultationView {
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    hisPatientId: c.hisPatientId,
    institution: { id: c.institution.id, name: c.institution.name },
    appointmentId: c.appointmentId,
    participants: c.participants.map((p) => ({
      userId: p.userId,
      displayName: p.user.displayName,
      role: p.role,
      institutionName: p.user.institution.name,
    })),
    startedAt: c.startedAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    myRole,
    breakGlass: c.breakGlassReason !== null,
    requestId: c.requestId,
    attachedStudyUids: c.request?.studyUids ?? [],
  };
}
