import type { Prisma } from '../../db/database';
import type { HisClient } from '../../integrations/his';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationAccess } from '../consultations/consultation-access';
import type { RequestAttachments } from '../consultations/request-attachments';
import type { Outbox } from '../outbox/outbox';
import { FollowUpPlans } from './follow-up-plans';
import { ReferralBooking } from './referral-booking';
import { ReferralService } from './referral-service';
import { ReferralSlots } from './referral-slots';
import { registerReferralStatusWriteback } from './referral-status-writeback';
import { registerReferralWriteback } from './referral-writeback';

export interface ReferralDeps {
  prisma: Prisma;
  consultationAccess: ConsultationAccess;
  audit: AuditLog;
  outbox: Outbox;
  his: HisClient | null;
  /** Checks and describes the PACS studies and HIS reports a referral carries. */
  attachments: RequestAttachments;
}

/** 双向转诊 for the edges: up-referrals and their booking, down-referral follow-up plans. */
export interface Referrals {
  service: ReferralService;
  booking: ReferralBooking;
  plans: FollowUpPlans;
  slots: ReferralSlots;
}

export function createReferrals(deps: ReferralDeps): Referrals {
  const service = new ReferralService(deps.prisma, deps.consultationAccess, deps.audit, deps.attachments);
  if (deps.his) {
    registerReferralWriteback(deps.outbox, deps.his);
    registerReferralStatusWriteback(deps.outbox, deps.his);
  }
  return {
    service,
    booking: new ReferralBooking(deps.prisma, service, deps.outbox),
    plans: new FollowUpPlans(deps.prisma, service, deps.audit),
    slots: new ReferralSlots(deps.prisma, service, deps.audit),
  };
}
