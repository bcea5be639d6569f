import { z } from 'zod';
import { DoseSchema, FrequencySchema, PrescriptionStatusSchema, RouteCodeSchema } from './prescriptions';

const Pharmacist = z.object({ id: z.string(), name: z.string(), at: z.string() });

/** One drug line of the 处方笺: 通用名, 规格, 数量, 用法用量, 金额. */
export const SheetItemSchema = z.object({
  position: z.number().int(),
  /** 通用名 (as on the package) and 规格. */
  name: z.string(),
  strength: z.string(),
  /** Packages prescribed (as signed). */
  quantity: z.object({ value: z.number().int(), unit: z.string() }),
  dose: DoseSchema,
  frequency: FrequencySchema,
  route: RouteCodeSchema,
  days: z.number().int(),
  instructions: z.string(),
  /** CNY per package from the county formulary, and the line amount; null when the formulary has no price. */
  unitPrice: z.number().nullable(),
  amount: z.number().nullable(),
});
export type SheetItem = z.infer<typeof SheetItemSchema>;

/**
 * The printed prescription (处方笺) as 处方管理办法 lists its contents, assembled on the server from
 * the signed version, the platform's review and dispensing records and the county HIS (病历号, 费别,
 * prices). The client renders it and adds nothing.
 */
export const PrescriptionSheetSchema = z.object({
  prescriptionId: z.string(),
  number: z.string(),
  version: z.number().int(),
  status: PrescriptionStatusSchema,
  /** 医疗机构名称 (the prescriber's) and 科别 (the prescriber's department). */
  institution: z.string(),
  department: z.string().nullable(),
  /** The patient's county institution, whose pharmacy reviews and dispenses. */
  pharmacy: z.string(),
  /** 门诊/病历号: the county HIS's medical record number; null when the HIS has none. */
  recordNumber: z.string().nullable(),
  /** 费别 from the HIS Coverage; null means 未登记 (no Coverage in the HIS). */
  feeCategory: z.object({ code: z.string().nullable(), label: z.string() }).nullable(),
  patient: z.object({
    name: z.string(),
    sex: z.enum(['male', 'female', 'other', 'unknown']),
    birthDate: z.string().nullable(),
    /** 实足年龄 on the date of the prescription: years, or months / days for an infant. */
    age: z.object({ value: z.number().int(), unit: z.enum(['year', 'month', 'day']) }).nullable(),
  }),
  /** 临床诊断: ICD-10 code and title, plus the prescriber's free text. */
  diagnoses: z.array(z.object({ code: z.string(), zh: z.string() })),
  diagnosisNote: z.string(),
  issuedAt: z.string(),
  validUntil: z.string(),
  items: z.array(SheetItemSchema),
  /** 合计 in CNY; null when a line has no price. `priceSource` says where the prices come from. */
  total: z.number().nullable(),
  priceSource: z.string().nullable(),
  prescriber: z.object({ id: z.string(), name: z.string(), qualificationNo: z.string().nullable(), signedAt: z.string() }),
  /** 审核药师 (approval), 调配药师 and 核对/发药药师 (the dispensing pharmacist, who also hands over). */
  reviewer: Pharmacist.nullable(),
  dispenser: Pharmacist.nullable(),
  /** The reviewer dispensed too, with the explicit acknowledgement recorded at dispensing. */
  dispensedBySameAsReviewer: z.boolean(),
  /** The short code printed beside the QR of the public verification page. */
  verificationCode: z.string(),
});
export type PrescriptionSheet = z.infer<typeof PrescriptionSheetSchema>;
