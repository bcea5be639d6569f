import type { Prisma } from '../../db/database';
import type { AuditLog } from '../audit/audit-log';
import type { EventBus } from '../events/event-bus';
import { createStaffCall, type StaffCall } from './staff-call';
import { createStaffPin, type StaffPin } from './staff-pin';

/** Kiosk mode: the staff PIN that leaves it, and the patient's call for staff. */
export interface Kiosk {
  pin: StaffPin;
  staffCall: StaffCall;
}

export function createKiosk(deps: { prisma: Prisma; audit: AuditLog; events: EventBus }): Kiosk {
  return { pin: createStaffPin(deps.prisma, deps.audit), staffCall: createStaffCall(deps.audit, deps.events) };
}
