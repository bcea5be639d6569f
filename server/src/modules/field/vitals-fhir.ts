import { z } from 'zod';
import type { HisClient } from '../../integrations/his';
import type { Outbox } from '../outbox/outbox';

export const VITALS_WRITEBACK = 'his.vitals.observations';
export const VITALS_IDENTIFIER_SYSTEM = 'urn:cloudclinic:vitals';

export const VitalsWritebackSchema = z.object({
  readingId: z.string(),
  consultationId: z.string(),
  hisPatientId: z.string(),
  takenAt: z.string(),
  recordedBy: z.string(),
  heartRate: z.number().nullable(),
  spo2: z.number().nullable(),
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  respiratoryRate: z.number().nullable(),
  temperature: z.number().nullable(),
});
export type VitalsWriteback = z.infer<typeof VitalsWritebackSchema>;

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const VITAL_SIGNS = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs', display: 'Vital Signs' }], text: '生命体征' }];

const quantity = (value: number, unit: string) => ({ value: Math.round(value * 10) / 10, unit, system: UCUM, code: unit });

/**
 * One reading as FHIR R4 vital-signs Observations (the FHIR vital-signs profile's LOINC codes):
 * heart rate 8867-4, SpO2 59408-5 (+ 2708-6), blood pressure panel 85354-9 with systolic 8480-6 and
 * diastolic 8462-4 components, respiratory rate 9279-1, body temperature 8310-5. Each carries an
 * identifier `urn:cloudclinic:vitals|<readingId>/<key>` so a retried write finds the earlier one.
 */
export function vitalsObservations(v: VitalsWriteback) {
  const base = (key: string, code: { coding: { system: string; code: string; display: string }[]; text: string }) => ({
    resourceType: 'Observation' as const,
    status: 'final',
    identifier: [{ system: VITALS_IDENTIFIER_SYSTEM, value: `${v.readingId}/${key}` }],
    category: VITAL_SIGNS,
    code,
    subject: { reference: `Patient/${v.hisPatientId}` },
    effectiveDateTime: v.takenAt,
    performer: [{ display: v.recordedBy }],
    note: [{ text: `现场监护（远程会诊 ${v.consultationId}）` }],
  });
  const out: Record<string, unknown>[] = [];
  if (v.heartRate !== null) {
    out.push({ ...base('hr', { coding: [{ system: LOINC, code: '8867-4', display: 'Heart rate' }], text: '心率' }), valueQuantity: quantity(v.heartRate, '/min') });
  }
  if (v.spo2 !== null) {
    out.push({
      ...base('spo2', {
        coding: [
          { system: LOINC, code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
          { system: LOINC, code: '2708-6', display: 'Oxygen saturation in Arterial blood' },
        ],
        text: '血氧饱和度',
      }),
      valueQuantity: quantity(v.spo2, '%'),
    });
  }
  if (v.systolic !== null && v.diastolic !== null) {
    out.push({
      ...base('bp', { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel with all children optional' }], text: '无创血压' }),
      component: [
        { code: { coding: [{ system: LOINC, code: '8480-6', display: 'Systolic blood pressure' }], text: '收缩压' }, valueQuantity: quantity(v.systolic, 'mm[Hg]') },
        { code: { coding: [{ system: LOINC, code: '8462-4', display: 'Diastolic blood pressure' }], text: '舒张压' }, valueQuantity: quantity(v.diastolic, 'mm[Hg]') },
      ],
    });
  }
  if (v.respiratoryRate !== null) {
    out.push({ ...base('rr', { coding: [{ system: LOINC, code: '9279-1', display: 'Respiratory rate' }], text: '呼吸频率' }), valueQuantity: quantity(v.respiratoryRate, '/min') });
  }
  if (v.temperature !== null) {
    out.push({ ...base('temp', { coding: [{ system: LOINC, code: '8310-5', display: 'Body temperature' }], text: '体温' }), valueQuantity: quantity(v.temperature, 'Cel') });
  }
  return out;
}

/** Delivery to the HIS: retried by the outbox; conditional creates make a repeat find the earlier write. */
export function registerVitalsWriteback(outbox: Outbox, his: HisClient): void {
  outbox.on(VITALS_WRITEBACK, async (payload) => {
    const reading = VitalsWritebackSchema.parse(payload);
    for (const obs of vitalsObservations(reading)) {
      const identifier = (obs['identifier'] as { value: string }[])[0]?.value ?? '';
      await his.create(obs as { resourceType: string }, { ifNoneExist: `identifier=${VITALS_IDENTIFIER_SYSTEM}|${identifier}` });
    }
  });
}
