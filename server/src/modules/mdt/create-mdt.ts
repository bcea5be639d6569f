import type { Prisma } from '../../db/database';
import type { AuditLog } from '../audit/audit-log';
import type { PatientIdentity } from '../records/patient-identity';
import { MdtBoards } from './mdt-boards';
import { MdtCases } from './mdt-cases';
import { MdtMeetings } from './mdt-meetings';

export interface MdtDeps {
  prisma: Prisma;
  identity: PatientIdentity;
  audit: AuditLog;
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
  return { boards: new MdtBoards(deps.prisma, deps.audit), cases: new MdtCases(deps.prisma, deps.identity, deps.audit), meetings: new MdtMeetings(deps.prisma, deps.audit, deps.closeRoom) };
}
