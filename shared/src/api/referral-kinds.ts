import { z } from 'zod';

/** The words of two-way referral (双向转诊), apart from the request schemas so the kiosk view can use them. */
export const ReferralKindSchema = z.enum(['outpatient', 'admission', 'exam']);
export type ReferralKind = z.infer<typeof ReferralKindSchema>;
export const ExamTypeSchema = z.enum(['ct', 'mri', 'pet_ct', 'endoscopy']);
export type ExamType = z.infer<typeof ExamTypeSchema>;
export const ReferralStatusSchema = z.enum(['requested', 'booked', 'declined', 'completed', 'cancelled']);
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

/** What the patient is told to do before each exam, unless the coordinator writes otherwise. */
export const EXAM_PREPARATION: Record<ExamType, string> = {
  ct: '检查前4小时禁食；携带既往影像资料；如需增强扫描请告知过敏史及肾功能情况。',
  mri: '检查前取下所有金属物品；体内有起搏器或金属植入物者请提前告知；携带既往影像资料。',
  pet_ct: '检查前禁食6小时，控制血糖；检查前24小时避免剧烈运动；检查后多饮水。',
  endoscopy: '检查前一日晚餐后禁食，检查当日禁饮；服用抗凝药者请提前告知医生。',
};

/** The booked referral as the kiosk shows it to the patient. */
export const KioskReferralSchema = z.object({
  kind: ReferralKindSchema,
  examType: ExamTypeSchema.nullable(),
  departmentName: z.string(),
  departmentNameEn: z.string(),
  institutionName: z.string(),
  slotAt: z.string(),
  place: z.string(),
  preparation: z.string(),
});
export type KioskReferral = z.infer<typeof KioskReferralSchema>;

/** For an outpatient visit or an admission: what to bring. */
export const VISIT_PREPARATION = '请携带身份证、医保卡及既往病历、检查资料，按预约时间提前30分钟到达。';

/** The preparation the booking form starts from: the exam's, or what to bring to a visit. */
export function defaultPreparation(kind: ReferralKind, examType: ExamType | null): string {
  return kind === 'exam' && examType ? EXAM_PREPARATION[examType] : VISIT_PREPARATION;
}
