import type { Prisma } from '../../db/database';
import type { AuditLog } from '../audit/audit-log';
import type { EventBus } from '../events/event-bus';
import type { PatientIdentity } from '../records/patient-identity';
import { MdtBoards } from './mdt-boards';
import { MdtCases } from './mdt-cases';
import './mdt-events';
import { MdtMeetings } from './mdt-meetings';

export interface MdtDeps {
  prisma: Prisma;
  identity: PatientIdentity;
  audit: AuditLog;
  /** `mdt.changed` after every move, so the sitting's screens follow at once. */
  events: EventBus;
  /** Closes a sitting's media room when the sitting ends. */
  closeRoom: (meetingId: string) => void;
}

/** 多学科会诊 boards for the edges: boards, the list of each sitting, the chair's moves and the sitting's room. */
export interface Mdt {
  boards: MdtBoards;
  cases: MdtCases;
  meetings: MdtMeetings;
}

export function createMdt(deps: MdtDeps): Mdt {
  const changed = (meetingId: string) => deps.events.publish('mdt.changed', { meetingId });
  return {
    boards: new MdtBoards(deps.prisma, deps.audit),
    cases: new MdtCases(deps.prisma, deps.identity, deps.audit, changed),
    meetings: new MdtMeetings(deps.prisma, deps.audit, deps.closeRoom, changed),
  };
}
