import type { AccessClaims, KioskScreen, KioskStaffCall } from '@cloudclinic/shared';
import type { AuditLog } from '../audit/audit-log';
import type { EventBus } from '../events/event-bus';
import { assertKiosk } from './kiosk-policy';

declare module '../events/event-bus' {
  interface DomainEvents {
    /** A kiosk asked for help (呼叫工作人员): its institution's staff screens show it. */
    'kiosk.staffCalled': { institutionId: string; call: KioskStaffCall };
  }
}

/** 呼叫工作人员: audited, then published to the staff of the kiosk's institution (see realtime/kiosk-handlers.ts). */
export function createStaffCall(audit: AuditLog, events: EventBus, now: () => Date = () => new Date()) {
  return {
    async call(user: AccessClaims, screen: KioskScreen): Promise<{ calledAt: string }> {
      const actor = { actorId: user.sub, actorRole: user.role, institutionId: user.inst, action: 'kiosk.staff_call', detail: { screen } };
      try {
        assertKiosk(user);
      } catch (err) {
        await audit.record({ ...actor, outcome: 'forbidden' });
        throw err;
      }
      const calledAt = now().toISOString();
      await audit.record({ ...actor, outcome: 'success' });
      events.publish('kiosk.staffCalled', { institutionId: user.inst, call: { kioskId: user.sub, kioskName: user.name, screen, calledAt } });
      return { calledAt };
    },
  };
}

export type StaffCall = ReturnType<typeof createStaffCall>;
