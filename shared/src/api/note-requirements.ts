import { z } from 'zod';

/** What a consultation note must hold before it is signed and the consultation may end. */
export const NOTE_REQUIREMENTS = {
  chiefComplaint: { zh: '主诉', en: 'chief complaint' },
  assessment: { zh: '诊断评估', en: 'assessment' },
  diagnosis: { zh: '至少一个ICD-10编码诊断', en: 'at least one coded (ICD-10) diagnosis' },
  plan: { zh: '处理意见', en: 'plan' },
} as const;
export type NoteRequirement = keyof typeof NOTE_REQUIREMENTS;
export const NoteRequirementSchema = z.enum(Object.keys(NOTE_REQUIREMENTS) as [NoteRequirement, ...NoteRequirement[]]);

/** Text that says something: not empty, not only punctuation or spaces. */
const hasText = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '').length > 0;

/** The parts still missing, in the order of the note; empty when it may be signed. */
export function noteMissing(note: { chiefComplaint: string; assessment: string; plan: string; diagnoses: readonly unknown[] }): NoteRequirement[] {
  const missing: NoteRequirement[] = [];
  if (!hasText(note.chiefComplaint)) missing.push('chiefComplaint');
  if (!hasText(note.assessment)) missing.push('assessment');
  if (note.diagnoses.length === 0) missing.push('diagnosis');
  if (!hasText(note.plan)) missing.push('plan');
  return missing;
}
