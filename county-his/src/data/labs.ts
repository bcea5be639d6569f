/**
 * The lab tests the county laboratory reports, with LOINC codes, UCUM units and the laboratory's
 * reference ranges. Chinese labs report SI (molar) units, so the molar LOINC codes are used where
 * LOINC distinguishes mass and molar properties (fasting glucose 14771-0 rather than 1558-6 mg/dL,
 * LDL 22748-8 rather than 13457-7, creatinine 14682-9 rather than 2160-0).
 */
export type LabKey =
  | 'hba1c' | 'glucose'
  | 'tc' | 'tg' | 'ldl'
  | 'creatinine' | 'uricAcid' | 'potassium' | 'sodium'
  | 'alt' | 'ast'
  | 'hemoglobin' | 'wbc' | 'platelets'
  | 'ntprobnp' | 'tsh' | 'inr' | 'cea';

export interface Range {
  low?: number;
  high?: number;
}

export interface LabDef {
  loinc: string;
  /** LOINC long common name (English). */
  display: string;
  zh: string;
  /** Unit as printed on the Chinese report. */
  unit: string;
  ucum: string;
  decimals: number;
  range: Range | { male: Range; female: Range };
}

export const LABS: Record<LabKey, LabDef> = {
  hba1c: { loinc: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood', zh: '糖化血红蛋白', unit: '%', ucum: '%', decimals: 1, range: { low: 4.0, high: 6.0 } },
  glucose: { loinc: '14771-0', display: 'Fasting glucose [Moles/volume] in Serum or Plasma', zh: '空腹血糖', unit: 'mmol/L', ucum: 'mmol/L', decimals: 1, range: { low: 3.9, high: 6.1 } },
  tc: { loinc: '14647-2', display: 'Cholesterol [Moles/volume] in Serum or Plasma', zh: '总胆固醇', unit: 'mmol/L', ucum: 'mmol/L', decimals: 2, range: { high: 5.2 } },
  tg: { loinc: '14927-8', display: 'Triglyceride [Moles/volume] in Serum or Plasma', zh: '甘油三酯', unit: 'mmol/L', ucum: 'mmol/L', decimals: 2, range: { high: 1.7 } },
  ldl: { loinc: '22748-8', display: 'Cholesterol in LDL [Moles/volume] in Serum or Plasma', zh: '低密度脂蛋白胆固醇', unit: 'mmol/L', ucum: 'mmol/L', decimals: 2, range: { high: 3.4 } },
  creatinine: { loinc: '14682-9', display: 'Creatinine [Moles/volume] in Serum or Plasma', zh: '肌酐', unit: 'μmol/L', ucum: 'umol/L', decimals: 0, range: { male: { low: 57, high: 111 }, female: { low: 41, high: 81 } } },
  uricAcid: { loinc: '14933-6', display: 'Urate [Moles/volume] in Serum or Plasma', zh: '尿酸', unit: 'μmol/L', ucum: 'umol/L', decimals: 0, range: { male: { low: 208, high: 428 }, female: { low: 155, high: 357 } } },
  potassium: { loinc: '2823-3', display: 'Potassium [Moles/volume] in Serum or Plasma', zh: '钾', unit: 'mmol/L', ucum: 'mmol/L', decimals: 2, range: { low: 3.5, high: 5.3 } },
  sodium: { loinc: '2951-2', display: 'Sodium [Moles/volume] in Serum or Plasma', zh: '钠', unit: 'mmol/L', ucum: 'mmol/L', decimals: 1, range: { low: 137, high: 147 } },
  alt: { loinc: '1742-6', display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', zh: '丙氨酸氨基转移酶', unit: 'U/L', ucum: 'U/L', decimals: 0, range: { male: { low: 9, high: 50 }, female: { low: 7, high: 40 } } },
  ast: { loinc: '1920-8', display: 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma', zh: '天门冬氨酸氨基转移酶', unit: 'U/L', ucum: 'U/L', decimals: 0, range: { male: { low: 15, high: 40 }, female: { low: 13, high: 35 } } },
  hemoglobin: { loinc: '718-7', display: 'Hemoglobin [Mass/volume] in Blood', zh: '血红蛋白', unit: 'g/L', ucum: 'g/L', decimals: 0, range: { male: { low: 130, high: 175 }, female: { low: 115, high: 150 } } },
  wbc: { loinc: '6690-2', display: 'Leukocytes [#/volume] in Blood by Automated count', zh: '白细胞计数', unit: '×10⁹/L', ucum: '10*9/L', decimals: 2, range: { low: 3.5, high: 9.5 } },
  platelets: { loinc: '777-3', display: 'Platelets [#/volume] in Blood by Automated count', zh: '血小板计数', unit: '×10⁹/L', ucum: '10*9/L', decimals: 0, range: { low: 125, high: 350 } },
  ntprobnp: { loinc: '33762-6', display: 'Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma', zh: 'N末端B型利钠肽前体', unit: 'pg/mL', ucum: 'pg/mL', decimals: 0, range: { high: 125 } },
  tsh: { loinc: '3016-3', display: 'Thyrotropin [Units/volume] in Serum or Plasma', zh: '促甲状腺激素', unit: 'mIU/L', ucum: 'm[IU]/L', decimals: 2, range: { low: 0.27, high: 4.2 } },
  inr: { loinc: '6301-6', display: 'INR in Platelet poor plasma by Coagulation assay', zh: '国际标准化比值', unit: 'INR', ucum: '{INR}', decimals: 2, range: { low: 0.8, high: 1.2 } },
  cea: { loinc: '2039-6', display: 'Carcinoembryonic Ag [Mass/volume] in Serum or Plasma', zh: '癌胚抗原', unit: 'ng/mL', ucum: 'ng/mL', decimals: 2, range: { high: 5 } },
};

/** Tests ordered together on one requisition (one DiagnosticReport). */
export type PanelKey = 'glycemic' | 'lipid' | 'renal' | 'liver' | 'cbc' | 'ntprobnp' | 'tsh' | 'inr' | 'cea';

export const PANELS: Record<PanelKey, { zh: string; loinc: string; display: string; labs: readonly LabKey[] }> = {
  glycemic: { zh: '血糖+糖化血红蛋白', loinc: '11502-2', display: 'Laboratory report', labs: ['glucose', 'hba1c'] },
  lipid: { zh: '血脂四项', loinc: '57698-3', display: 'Lipid panel with direct LDL - Serum or Plasma', labs: ['tc', 'tg', 'ldl'] },
  renal: { zh: '肾功能+电解质', loinc: '24362-6', display: 'Renal function panel - Serum or Plasma', labs: ['creatinine', 'uricAcid', 'potassium', 'sodium'] },
  liver: { zh: '肝功能', loinc: '24325-3', display: 'Hepatic function panel - Serum or Plasma', labs: ['alt', 'ast'] },
  cbc: { zh: '血常规', loinc: '58410-2', display: 'CBC panel - Blood by Automated count', labs: ['hemoglobin', 'wbc', 'platelets'] },
  ntprobnp: { zh: 'NT-proBNP', loinc: '11502-2', display: 'Laboratory report', labs: ['ntprobnp'] },
  tsh: { zh: '甲状腺功能（TSH）', loinc: '11502-2', display: 'Laboratory report', labs: ['tsh'] },
  inr: { zh: '凝血功能（INR）', loinc: '11502-2', display: 'Laboratory report', labs: ['inr'] },
  cea: { zh: '肿瘤标志物（CEA）', loinc: '11502-2', display: 'Laboratory report', labs: ['cea'] },
};

export function rangeFor(lab: LabDef, sex: 'male' | 'female'): Range {
  return 'male' in lab.range ? lab.range[sex] : lab.range;
}

export function interpret(value: number, range: Range): 'H' | 'L' | 'N' {
  if (range.high !== undefined && value > range.high) return 'H';
  if (range.low !== undefined && value < range.low) return 'L';
  return 'N';
}
