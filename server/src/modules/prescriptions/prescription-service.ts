import {
  type AccessClaims,
  type Finding,
  type CreatePrescriptionRequestSchema,
  type PrescriptionView,
  type SavePrescriptionRequestSchema,
} from '@cloudclinic/shared';
import type { z } from 'zod';
import { AppError, invalidState } from '../../lib/errors';
import type { Formulary } from './formulary';
import { isUniqueViolation, type Idempotency, type IdempotentRequest } from './idempotency';
import type { PrescriptionAccess } from './prescription-access';
import { itemInputs, itemRows, mergeOverrides, newPrescriptionNumber, type PrescriptionRecords } from './prescription-records';
import { assertTransition } from './prescription-state';
import { resolveDiagnoses } from './diagnoses';
import { resolveItems, type SafetyChecker } from './safety-check';
import { prescriptionInclude, stored } from './views';

type DraftInput = z.output<typeof CreatePrescriptionRequestSchema>;
type SaveInput = z.output<typeof SavePrescriptionRequestSchema>;

/** What a draft save stores from a safety check (or why the check could not run). */
interface CheckOutcome {
  findings: Finding[];
  checkedAt: Date | null;
  checkError: string | null;
  patientAllergies?: string[];
}

/**
 * The prescription pad inside a consultation: drafts (autosaved with optimistic concurrency), each
 * save re-running the server-side safety checks; revising a rejected prescription.
 */
export class PrescriptionService {
  constructor(
    private readonly records: PrescriptionRecords,
    private readonly access: PrescriptionAccess,
    private readonly checker: SafetyChecker,
    private readonly formulary: Formulary,
    private readonly idempotency: Idempotency,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get prisma() {
    return this.records.prisma;
  }

  async listForConsultation(user: AccessClaims, consultationId: string): Promise<PrescriptionView[]> {
    await this.access.assertCanReadConsultation(user, consultationId);
    const rows = await this.prisma.prescription.findMany({ where: { consultationId }, include: prescriptionInclude, orderBy: { createdAt: 'asc' } });
    return this.records.views(rows);
  }

  async get(user: AccessClaims, id: string): Promise<PrescriptionView> {
    const rx = await this.records.load(id);
    await this.access.assertCanRead(user, rx);
    return this.records.view(id);
  }

  /** A new prescription for the consultation's patient; idempotent by Idempotency-Key. */
  async create(user: AccessClaims, consultationId: string, body: DraftInput, idem?: IdempotentRequest): Promise<PrescriptionView> {
    const grant = await this.access.assertPrescriberOf(user, consultationId);
    const prior = await this.idempotency.replay(user.sub, idem);
    if (prior) return this.records.view(prior.prescriptionId);
    const diagnoses = resolveDiagnoses(body.diagnoses);
    const patient = await this.checker.patientRecord(grant.hisPatientId);
    const now = this.now();
    const overrides = mergeOverrides({}, body.overrides, user.sub, now);
    const { items, outcome } = await this.checkDraft(user, grant.hisPatientId, null, body, overrides);
    let id: string;
    try {
      id = await this.prisma.$transaction(async (tx) => {
        const rx = await tx.prescription.create({
          data: {
            number: newPrescriptionNumber(now),
            consultationId,
            prescriberId: user.sub,
            institutionId: grant.patientInstitutionId,
            hisPatientId: grant.hisPatientId,
            patientName: patient.name,
            patientSex: patient.sex,
            patientBirthDate: patient.birthDate,
            diagnosis: body.diagnosis,
            diagnoses,
            validityDays: body.validityDays,
            patientStatus: body.patientStatus,
            overrides,
            ...outcome,
            items: { create: itemRows(items) },
          },
        });
        await this.idempotency.record(tx, user.sub, idem, rx.id, 201);
        return rx.id;
      });
    } catch (err) {
      // A concurrent request with the same key committed first: replay its outcome.
      const again = isUniqueViolation(err) ? await this.idempotency.replay(user.sub, idem) : null;
      if (again) return this.records.view(again.prescriptionId);
      throw err;
    }
    const rx = await this.records.load(id);
    await this.records.record(user, 'prescription.create', rx);
    this.records.changed(rx);
    return this.records.view(id);
  }

  /** Autosave of a draft; `baseRevision` guards against a concurrent edit (409 revision_conflict). */
  async save(user: AccessClaims, id: string, body: SaveInput): Promise<PrescriptionView> {
    const rx = await this.records.load(id);
    await this.access.assertPrescriberOfPrescription(user, rx);
    if (rx.status !== 'draft') throw invalidState(`The prescription is ${rx.status}; it can no longer be edited`, { status: rx.status });
    const diagnoses = resolveDiagnoses(body.diagnoses);
    const overrides = mergeOverrides(stored.overrides(rx.overrides), body.overrides, user.sub, this.now());
    const { items, outcome } = await this.checkDraft(user, rx.hisPatientId, id, body, overrides);
    const saved = await this.prisma.$transaction(async (tx) => {
      const moved = await tx.prescription.updateMany({
        where: { id, status: 'draft', revision: body.baseRevision },
        data: {
          diagnosis: body.diagnosis,
          diagnoses,
          validityDays: body.validityDays,
          patientStatus: body.patientStatus,
          overrides,
          ...outcome,
          revision: { increment: 1 },
        },
      });
      if (moved.count !== 1) return false;
      await tx.prescriptionItem.deleteMany({ where: { prescriptionId: id } });
      await tx.prescriptionItem.createMany({ data: itemRows(items).map((i) => ({ ...i, prescriptionId: id })) });
      return true;
    });
    if (!saved) {
      const current = await this.records.load(id);
      if (current.status !== 'draft') throw invalidState(`The prescription is ${current.status}; it can no longer be edited`);
      throw new AppError('revision_conflict', 'The prescription was changed elsewhere; reload it', { currentRevision: current.revision });
    }
    this.records.changed(rx);
    return this.records.view(id);
  }

  /** Re-runs the safety checks on the stored draft (e.g. once the county HIS is reachable again). */
  async recheck(user: AccessClaims, id: string): Promise<PrescriptionView> {
    const rx = await this.records.load(id);
    await this.access.assertPrescriberOfPrescription(user, rx);
    if (rx.status !== 'draft') throw invalidState(`The prescription is ${rx.status}; its checks were frozen when it was signed`);
    const draft: DraftInput = { diagnosis: rx.diagnosis, diagnoses: stored.diagnoses(rx.diagnoses).map((d) => d.code), validityDays: rx.validityDays, patientStatus: stored.patientStatus(rx.patientStatus), overrides: [], items: itemInputs(rx) };
    const { outcome } = await this.checkDraft(user, rx.hisPatientId, id, draft, stored.overrides(rx.overrides));
    await this.prisma.prescription.updateMany({ where: { id, status: 'draft', revision: rx.revision }, data: { ...outcome } });
    return this.records.view(id);
  }

  /** A rejected prescription goes back to draft for the expert to revise; the next signature makes a new version. */
  async revise(user: AccessClaims, id: string): Promise<PrescriptionView> {
    const rx = await this.records.load(id);
    await this.access.assertPrescriberOfPrescription(user, rx);
    assertTransition(rx.status, 'draft');
    const moved = await this.prisma.prescription.updateMany({ where: { id, status: 'rejected' }, data: { status: 'draft', revision: { increment: 1 } } });
    if (moved.count !== 1) throw invalidState('The prescription changed meanwhile; reload it');
    await this.records.record(user, 'prescription.revise', rx, 'ok', { version: rx.version });
    this.records.changed(rx);
    return this.records.view(id);
  }

  /** Resolves the items (bad request if outside the formulary) and runs the checks; an HIS outage is recorded, not fatal. */
  private async checkDraft(user: AccessClaims, hisPatientId: string, prescriptionId: string | null, body: DraftInput, overrides: ReturnType<typeof stored.overrides>) {
    const privilege = await this.prisma.user.findUnique({ where: { id: user.sub }, select: { antibioticPrivilege: true } });
    try {
      const result = await this.checker.check({
        hisPatientId,
        prescriptionId,
        diagnoses: body.diagnoses,
        items: body.items,
        patientStatus: body.patientStatus,
        antibioticPrivilege: privilege?.antibioticPrivilege ?? null,
        overrides,
        freshStock: false,
        now: this.now(),
      });
      const outcome: CheckOutcome = {
        findings: result.findings,
        checkedAt: this.now(),
        checkError: null,
        patientAllergies: result.patient.allergies.map((a) => a.text).filter(Boolean),
      };
      return { items: result.items, outcome };
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'upstream_unavailable') throw err;
      const items = await resolveItems(this.formulary, body.items, false);
      const outcome: CheckOutcome = { findings: [], checkedAt: null, checkError: err.message };
      return { items, outcome };
    }
  }
}
