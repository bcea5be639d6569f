import { addClinicDays, isClinicDate } from './clinic-time';

/**
 * 检查检验结果互认: a result from an accredited institution is accepted by the receiving hospital
 * instead of being repeated, while it is recent enough. The categories and their windows (in clinic
 * days from the day the result was produced) are the platform's defaults.
 */
export const RECOGNITION_WINDOW_DAYS = { lab: 7, ct: 30, mr: 30, pet: 30, xray: 30, ultrasound: 7 } as const;
export type RecognitionCategory = keyof typeof RECOGNITION_WINDOW_DAYS;
export type Recognition = 'recognized' | 'expired' | 'not_listed';

const MODALITY: Record<string, RecognitionCategory> = { CT: 'ct', MR: 'mr', PT: 'pet', DX: 'xray', CR: 'xray', DR: 'xray', MG: 'xray', US: 'ultrasound' };
/** HL7 v2 diagnostic service sections (DiagnosticReport.category) that are on the list. */
const SECTION: Record<string, RecognitionCategory> = { LAB: 'lab', HM: 'lab', CH: 'lab', MB: 'lab', CT: 'ct', NMR: 'mr', RAD: 'xray', RUS: 'ultrasound', CUS: 'ultrasound' };

/** The category of a PACS study (by its modalities) or of an HIS report (by its service section); null if not on the list. */
export function recognitionCategory(source: { modalities: readonly string[] } | { section: string | null }): RecognitionCategory | null {
  if ('modalities' in source) {
    for (const m of source.modalities) {
      const c = MODALITY[m.toUpperCase()];
      if (c) return c;
    }
    return null;
  }
  return source.section ? (SECTION[source.section.toUpperCase()] ?? null) : null;
}

/** The last clinic day a result of this category produced on `date` (YYYY-MM-DD) is accepted; null if it never is. */
export function recognizedUntil(category: RecognitionCategory | null, date: string | null): string | null {
  if (!category || !date || !isClinicDate(date)) return null;
  return addClinicDays(date, RECOGNITION_WINDOW_DAYS[category]);
}

/** Whether a result accepted until `validUntil` is accepted on clinic day `today`. */
export function recognitionOn(validUntil: string | null, today: string): Recognition {
  if (!validUntil) return 'not_listed';
  return today <= validUntil ? 'recognized' : 'expired';
}

/** YYYYMMDD (DICOM) or an ISO date/instant to YYYY-MM-DD; null when it is neither. */
export function resultDay(value: string | null): string | null {
  if (!value) return null;
  const dicom = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (dicom) return `${dicom[1]}-${dicom[2]}-${dicom[3]}`;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return iso?.[1] ?? null;
}
