import { z } from 'zod';
import { DicomJsonListSchema, TAG, type Attachables } from '@cloudclinic/shared';
import type { HisClient } from '../../integrations/his';
import type { DicomwebClient } from '../../integrations/pacs/dicomweb-client';
import { studyPatientIds } from '../../integrations/pacs/study-directory';
import { AppError, badRequest } from '../../lib/errors';

const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

const ReportSchema = z.looseObject({
  resourceType: z.literal('DiagnosticReport'),
  id: z.string(),
  code: z.looseObject({ text: z.string().optional(), coding: z.array(z.looseObject({ display: z.string().optional() })).optional() }).optional(),
  category: z.array(z.looseObject({ coding: z.array(z.looseObject({ code: z.string().optional() })).optional() })).optional(),
  effectiveDateTime: z.string().optional(),
  issued: z.string().optional(),
});

/**
 * What a 远程会诊申请 may carry for its patient: the patient's studies in the county PACS (QIDO-RS
 * pinned to the HIS patient id) and the reports (DiagnosticReport) of the patient's HIS record.
 * Filing checks each attachment against the same sources, so nothing of another patient is attached.
 */
export class RequestAttachments {
  constructor(
    private readonly pacs: DicomwebClient | null,
    private readonly his: HisClient | null,
  ) {}

  async list(hisPatientId: string): Promise<Attachables> {
    const unavailable: Attachables['unavailable'] = [];
    const [studies, reports] = await Promise.all([
      this.studies(hisPatientId).catch(() => (unavailable.push('pacs'), [])),
      this.reports(hisPatientId).catch(() => (unavailable.push('his'), [])),
    ]);
    return { studies, reports, unavailable };
  }

  /** Every study must be filed under this patient in the PACS, every report in this patient's HIS record. */
  async verify(hisPatientId: string, studyUids: readonly string[], reportIds: readonly string[]): Promise<void> {
    const pacs = this.pacs;
    if (studyUids.length > 0) {
      if (!pacs) throw new AppError('unavailable', 'No PACS is configured: studies cannot be attached');
      const owners = await Promise.all(studyUids.map((uid) => studyPatientIds(pacs, uid)));
      const foreign = studyUids.filter((_, i) => owners[i]?.length !== 1 || owners[i]?.[0] !== hisPatientId);
      if (foreign.length > 0) throw badRequest('These studies are not this patient’s in the PACS', { studyUids: foreign });
    }
    if (reportIds.length > 0) {
      const known = new Set((await this.reports(hisPatientId)).map((r) => r.id));
      const foreign = reportIds.filter((id) => !known.has(id));
      if (foreign.length > 0) throw badRequest('These reports are not in this patient’s HIS record', { reportIds: foreign });
    }
  }

  private async studies(hisPatientId: string): Promise<Attachables['studies']> {
    if (!this.pacs) throw new AppError('unavailable', 'No PACS is configured');
    const query = new URLSearchParams({ PatientID: hisPatientId, includefield: [TAG.StudyDescription, TAG.ModalitiesInStudy, TAG.StudyDate].join(','), limit: '50' });
    const parsed = DicomJsonListSchema.safeParse(await this.pacs.getJson('studies', query));
    if (!parsed.success) return [];
    return parsed.data.flatMap((ds) => {
      const uid = text(ds[TAG.StudyInstanceUID]?.Value?.[0]);
      if (!uid || text(ds[TAG.PatientID]?.Value?.[0]) !== hisPatientId) return [];
      return [
        {
          studyUid: uid,
          date: text(ds[TAG.StudyDate]?.Value?.[0]),
          modalities: (ds[TAG.ModalitiesInStudy]?.Value ?? []).filter((m): m is string => typeof m === 'string'),
          description: text(ds[TAG.StudyDescription]?.Value?.[0]),
        },
      ];
    });
  }

  private async reports(hisPatientId: string): Promise<Attachables['reports']> {
    if (!this.his) throw new AppError('unavailable', 'No county HIS is configured');
    const record = await this.his.patientRecord(hisPatientId);
    return record.bundle.entry
      .flatMap((e) => {
        const r = ReportSchema.safeParse(e.resource);
        return r.success ? [r.data] : [];
      })
      .map((r) => ({
        id: r.id,
        title: r.code?.text ?? r.code?.coding?.[0]?.display ?? r.id,
        date: r.effectiveDateTime ?? r.issued ?? null,
        section: r.category?.[0]?.coding?.[0]?.code ?? null,
      }));
  }
}
