import type { MdtCaseStatus, MdtMeetingAction, MdtMeetingStatus, ParticipantRole, Role } from '@cloudclinic/shared';
import { forbidden } from '../../lib/errors';

/** The account acting on a board, as the database knows it. */
export interface MdtActor {
  id: string;
  role: Role;
  institutionId: string;
}

/** The parts of a sitting the rules read. */
export interface MeetingFacts {
  chairId: string;
  memberIds: readonly string[];
  status: MdtMeetingStatus;
  /** The county institutions with a case on this sitting's list. */
  caseInstitutionIds: readonly string[];
}

/**
 * Who does what on a standing MDT board (the one policy place for boards and sittings):
 *  - the coordinator (an admin account) creates boards and files cases for any county patient;
 *  - a county doctor files cases for patients of their own institution only (a patient of one
 *    county is never filed or read under another);
 *  - the sitting's room is joined by the chair, the member experts and the county doctors of
 *    institutions with a case on that day's list; nobody else;
 *  - only the chair starts the sitting, moves to the next case and reorders the queued ones;
 *  - a county doctor sees another institution's case only as a place on the list.
 * What a participant reads of a case (record, imaging, opinions) is decided by the case's own
 * consultation (`ConsultationAccess`), unchanged.
 */
export const MdtPolicy = {
  assertMayCreateBoard(actor: MdtActor): void {
    if (actor.role !== 'admin') throw forbidden('Boards are created by the coordinator');
  },

  isExpertOf(actor: MdtActor, m: Pick<MeetingFacts, 'chairId' | 'memberIds'>): boolean {
    return actor.role === 'expert' && (actor.id === m.chairId || m.memberIds.includes(actor.id));
  },

  /** The database filter of the boards this actor sees: coordinators and county doctors (to file cases) all, experts their own. */
  visibleBoards(actor: MdtActor) {
    if (actor.role === 'admin' || actor.role === 'county_doctor') return {};
    if (actor.role === 'expert') return { OR: [{ chairId: actor.id }, { memberIds: { has: actor.id } }] };
    throw forbidden('MDT boards are for experts, county doctors and coordinators');
  },

  /** Patient-side filing: the coordinator for any county institution, a county doctor for their own. */
  assertMayAddCase(actor: MdtActor, patientInstitutionId: string): void {
    if (actor.role === 'admin') return;
    if (actor.role === 'county_doctor' && actor.institutionId === patientInstitutionId) return;
    if (actor.role === 'county_doctor') throw forbidden('A county doctor files cases for patients of their own institution only');
    throw forbidden('Cases are filed by the coordinator or the patient’s county doctor');
  },

  /** As whom the actor is in the sitting's room, or null: not theirs to join. */
  roomRole(actor: MdtActor, m: MeetingFacts): ParticipantRole | null {
    if (MdtPolicy.isExpertOf(actor, m)) return 'expert';
    if (actor.role === 'county_doctor' && m.caseInstitutionIds.includes(actor.institutionId)) return 'local_doctor';
    return null;
  },

  /** Reading the sitting's list: whoever may join its room, and the coordinators. */
  sees(actor: MdtActor, m: MeetingFacts): boolean {
    return actor.role === 'admin' || MdtPolicy.roomRole(actor, m) !== null;
  },

  /** A case the actor sees only as a place on the list (another county's patient). */
  restricted(actor: MdtActor, c: { institutionId: string }): boolean {
    return actor.role === 'county_doctor' && actor.institutionId !== c.institutionId;
  },

  assertChair(actor: MdtActor, m: Pick<MeetingFacts, 'chairId'>): void {
    if (actor.id !== m.chairId) throw forbidden('Only the chair (主持专家) runs the sitting');
  },

  actions(actor: MdtActor, m: MeetingFacts, cases: readonly { status: MdtCaseStatus }[]): MdtMeetingAction[] {
    const out: MdtMeetingAction[] = [];
    const queued = cases.some((c) => c.status === 'queued');
    if (actor.id === m.chairId) {
      if (m.status === 'scheduled' && queued) out.push('start');
      if (m.status === 'running') out.push('next');
      if (m.status !== 'ended' && queued) out.push('reorder');
    }
    if (m.status !== 'ended' && (actor.role === 'admin' || actor.role === 'county_doctor')) out.push('add_case');
    return out;
  },
};
