import type { Prisma } from '../../db/database';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationService } from '../consultations/consultation-service';
import type { EventBus } from '../events/event-bus';
import type { PatientIdentity } from '../records/patient-identity';
import { QueueService } from './queue-service';
import { ScheduleService } from './schedule-service';

/** The day's cloud clinic: the schedule of bookings and the queue the expert calls from. */
export interface Clinic {
  schedule: ScheduleService;
  queue: QueueService;
}

export function createClinic(d: { prisma: Prisma; audit: AuditLog; events: EventBus; identity: PatientIdentity; consultations: ConsultationService }): Clinic {
  return {
    schedule: new ScheduleService(d.prisma, d.audit, d.events, d.identity),
    queue: new QueueService(d.prisma, d.audit, d.events, d.consultations),
  };
}
