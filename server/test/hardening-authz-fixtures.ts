import { createApp } from '../src/app';
import type { TestServer } from './helpers/test-server';

/** The roles of the authorisation matrix and the seeded demo account playing each (null: no token). */
export const MATRIX_USERS = {
  expert: 'dr.chen',
  kiosk: 'kiosk.shengsi',
  county_doctor: 'doc.wang',
  pharmacist: 'pharm.zhou',
  field_doctor: 'field.xu',
  admin: 'admin',
  coordinator: 'coordinator',
  none: null,
} as const;
export type MatrixRole = keyof typeof MATRIX_USERS;
export const MATRIX_ROLES = Object.keys(MATRIX_USERS) as MatrixRole[];

export interface MatrixObjects {
  consultation: string;
  session: string;
  appointment: string;
  prescription: string;
  attachment: string;
  /** A joint opinion frozen for signature (its chair the consultation's expert). */
  opinion: string;
  /** A requested 上转 filed by the consultation's expert (the other side's to psychiatry, not the matrix expert's department). */
  referral: string;
  /** A 下转 follow-up plan of the consultation, not yet acknowledged, and its first item. */
  followUpPlan: string;
  followUpItem: string;
  /** An MDT sitting (not started) chaired by the side's expert, with one case of the side's patient. */
  mdtMeeting: string;
}

/**
 * Two sets of objects: `own` on the Shengsi side (a consultation whose participants are the
 * matrix's expert, kiosk, county doctor and field doctor; the pharmacist's institution) and
 * `other` at Daishan (other participants, another institution, another expert's session).
 */
export async function buildMatrixObjects(srv: TestServer): Promise<{ own: MatrixObjects; other: MatrixObjects }> {
  const p = srv.services.prisma;
  const user = (username: string) => p.user.findUniqueOrThrow({ where: { username } });
  const inst = (code: string) => p.institution.findUniqueOrThrow({ where: { code } });
  const [sscph, dsfph] = [await inst('sscph'), await inst('dsfph')];
  const [chen, he] = [await user('dr.chen'), await user('dr.he')];

  const consultation = async (institutionId: string, hisPatientId: string, participants: [string, 'expert' | 'patient_kiosk' | 'local_doctor' | 'field_doctor'][]) => {
    const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId, hisPatientId } });
    for (const [username, role] of participants) await p.consultationParticipant.create({ data: { consultationId: c.id, userId: (await user(username)).id, role } });
    return c.id;
  };
  const ownC = await consultation(sscph.id, 'p-0001', [
    ['dr.chen', 'expert'],
    ['kiosk.shengsi', 'patient_kiosk'],
    ['doc.wang', 'local_doctor'],
    ['field.xu', 'field_doctor'],
  ]);
  const otherC = await consultation(dsfph.id, 'p-0004', [
    ['dr.he', 'expert'],
    ['kiosk.daishan', 'patient_kiosk'],
    ['doc.daishan', 'local_doctor'],
  ]);

  const prescription = async (consultationId: string, prescriberId: string, institutionId: string, hisPatientId: string, n: string) =>
    (
      await p.prescription.create({
        data: { number: `RX-MATRIX-${n}-${Date.now()}`, consultationId, prescriberId, institutionId, hisPatientId, patientName: '测试', patientSex: 'male', patientStatus: {}, overrides: {}, findings: [] },
      })
    ).id;
  const attachment = async (consultationId: string, createdById: string) =>
    (await p.consultationAttachment.create({ data: { consultationId, kind: 'annotated_snapshot', mime: 'image/jpeg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xd9]), size: 4, sha256: '0'.repeat(64), createdById } })).id;

  const opinion = async (consultationId: string, chairId: string) =>
    (await p.jointOpinion.create({ data: { consultationId, version: 1, status: 'signing', chairId, findings: '—', treatment: '—', canonical: '{}', payloadHash: '', requiredSigners: [chairId] } })).id;

  const referral = async (consultationId: string, institutionId: string, hisPatientId: string, requestedById: string, department: string) =>
    (
      await p.referral.create({
        data: { consultationId, institutionId, hisPatientId, requestedById, departmentId: (await p.department.findFirstOrThrow({ where: { code: department } })).id, kind: 'exam', examType: 'ct', reason: '—', urgency: 'routine', summary: '—' },
      })
    ).id;
  const plan = async (consultationId: string, institutionId: string, hisPatientId: string, createdById: string) => {
    const row = await p.followUpPlan.create({ data: { consultationId, institutionId, hisPatientId, createdById, items: { create: [{ position: 0, kind: 'check', text: '复查', dueDate: '2030-01-01' }] } }, include: { items: true } });
    return { followUpPlan: row.id, followUpItem: row.items[0]?.id ?? '' };
  };

  const mdtMeeting = async (chairId: string, institutionId: string, hisPatientId: string) => {
    const board = await p.mdtBoard.create({ data: { title: '矩阵 MDT', institutionId: chen.institutionId, weekday: 2, startTime: '14:00', caseMinutes: 15, chairId, memberIds: [], createdById: chairId } });
    const meeting = await p.mdtMeeting.create({ data: { boardId: board.id, date: '2030-01-01' } });
    const c = await p.consultation.create({ data: { kind: 'mdt', status: 'waiting', institutionId, hisPatientId, participants: { create: [{ userId: chairId, role: 'expert' }] } } });
    await p.mdtCase.create({ data: { meetingId: meeting.id, institutionId, hisPatientId, patientLabel: '测*', summary: '—', question: '—', minutes: 15, position: 1, consultationId: c.id, addedById: chairId } });
    return meeting.id;
  };

  const cardiology = await p.clinicSession.findFirstOrThrow({ where: { expertId: chen.id } });
  const dept = await p.department.findFirstOrThrow({ where: { code: 'cardiology' } });
  const otherSession = await p.clinicSession.create({
    data: { expertId: he.id, departmentId: dept.id, startsAt: cardiology.startsAt, endsAt: cardiology.endsAt, capacity: 4, institutions: { create: [{ institutionId: dsfph.id }] } },
  });
  const ownAppointment = await p.appointment.findFirstOrThrow({ where: { sessionId: cardiology.id, institutionId: sscph.id } });
  const otherAppointment = await p.appointment.create({
    data: { sessionId: otherSession.id, institutionId: dsfph.id, code: `MX${Date.now() % 1_000_000}`, queueNumber: 1, hisPatientId: 'p-0004', patientLabel: '陈*明' },
  });
  return {
    own: {
      consultation: ownC,
      session: cardiology.id,
      appointment: ownAppointment.id,
      prescription: await prescription(ownC, chen.id, sscph.id, 'p-0001', 'A'),
      attachment: await attachment(ownC, chen.id),
      opinion: await opinion(ownC, chen.id),
      referral: await referral(ownC, sscph.id, 'p-0001', chen.id, 'cardiology'),
      ...(await plan(ownC, sscph.id, 'p-0001', chen.id)),
      mdtMeeting: await mdtMeeting(chen.id, sscph.id, 'p-0001'),
    },
    other: {
      consultation: otherC,
      session: otherSession.id,
      appointment: otherAppointment.id,
      prescription: await prescription(otherC, he.id, dsfph.id, 'p-0004', 'B'),
      attachment: await attachment(otherC, he.id),
      opinion: await opinion(otherC, he.id),
      referral: await referral(otherC, dsfph.id, 'p-0004', he.id, 'psychiatry'),
      ...(await plan(otherC, dsfph.id, 'p-0004', he.id)),
      mdtMeeting: await mdtMeeting(he.id, dsfph.id, 'p-0004'),
    },
  };
}

export interface AppRoute {
  method: string;
  path: string;
}

/** Walks the express router stack of the real app: every route with its full path (also used by the bench's hardening figure). */
export function appRouteTable(srv: Pick<TestServer, 'services'>): AppRoute[] {
  const app = createApp(srv.services) as unknown as { router: { stack: Layer[] } };
  interface Layer {
    route?: { path: string; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
    rawPath?: string;
  }
  const out: AppRoute[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const l of stack) {
      if (l.route) for (const m of Object.keys(l.route.methods)) out.push({ method: m === '_all' ? 'ALL' : m.toUpperCase(), path: prefix + l.route.path });
      else if (l.handle?.stack) walk(l.handle.stack, prefix + (l.rawPath && l.rawPath !== '/' ? l.rawPath : ''));
    }
  };
  walk(app.router.stack, '');
  return out;
}
