import type { PanelKey } from './labs';

export type ConditionKey =
  | 'hypertension'
  | 'diabetes'
  | 'copd'
  | 'chd'
  | 'stroke'
  | 'depression'
  | 'anxiety'
  | 'gastricCancer'
  | 'lungCancer'
  | 'asthma'
  | 'atrialFibrillation'
  | 'heartFailure'
  | 'hypothyroidism'
  | 'gout';

export interface ConditionDef {
  icd10: string;
  /** Chinese display text (the HIS's own wording). */
  zh: string;
  en: string;
  /** Lab panels followed for this condition, beyond the yearly health check. */
  panels: readonly PanelKey[];
  /** Formulary ids (Medication/<id>) a patient with this condition is typically on, one picked per group. */
  medicationGroups: readonly (readonly string[])[];
  /** Kinds of exam report followed for this condition. */
  exams: readonly ExamKey[];
}

export type ExamKey = 'ecg' | 'echo' | 'chestCt' | 'chestXray' | 'headCt' | 'brainMr' | 'abdominalUs' | 'abdominalCt';

export const CONDITIONS: Record<ConditionKey, ConditionDef> = {
  hypertension: {
    icd10: 'I10', zh: '原发性高血压', en: 'Essential (primary) hypertension',
    panels: ['renal', 'lipid'],
    medicationGroups: [['amlodipine-5mg-tab', 'nifedipine-30mg-cr-tab', 'felodipine-5mg-er-tab'], ['valsartan-80mg-cap', 'losartan-50mg-tab', 'irbesartan-150mg-tab']],
    exams: ['ecg'],
  },
  diabetes: {
    icd10: 'E11', zh: '2型糖尿病', en: 'Type 2 diabetes mellitus',
    panels: ['glycemic', 'renal', 'liver', 'lipid'],
    medicationGroups: [['metformin-500mg-tab', 'metformin-500mg-er-tab'], ['glimepiride-2mg-tab', 'acarbose-50mg-tab', 'sitagliptin-100mg-tab', 'dapagliflozin-10mg-tab', 'insulin-glargine-300u-inj']],
    exams: ['abdominalUs'],
  },
  copd: {
    icd10: 'J44', zh: '慢性阻塞性肺疾病', en: 'Chronic obstructive pulmonary disease',
    panels: ['cbc'],
    medicationGroups: [['tiotropium-18ug-inh'], ['salmeterol-fluticasone-50-250-inh', 'budesonide-formoterol-160-4.5-inh'], ['salbutamol-100ug-mdi']],
    exams: ['chestCt', 'chestXray'],
  },
  chd: {
    icd10: 'I25', zh: '慢性缺血性心脏病（冠心病）', en: 'Chronic ischaemic heart disease',
    panels: ['lipid', 'ntprobnp', 'renal'],
    medicationGroups: [['aspirin-100mg-ec-tab'], ['atorvastatin-20mg-tab', 'rosuvastatin-10mg-tab'], ['metoprolol-47.5mg-er-tab', 'bisoprolol-5mg-tab'], ['isosorbide-mononitrate-40mg-er-tab']],
    exams: ['ecg', 'echo'],
  },
  stroke: {
    icd10: 'I69', zh: '脑血管病后遗症（脑梗死后）', en: 'Sequelae of cerebrovascular disease',
    panels: ['lipid', 'glycemic'],
    medicationGroups: [['aspirin-100mg-ec-tab', 'clopidogrel-75mg-tab'], ['atorvastatin-20mg-tab', 'rosuvastatin-10mg-tab']],
    exams: ['headCt', 'brainMr'],
  },
  depression: {
    icd10: 'F32', zh: '抑郁发作', en: 'Depressive episode',
    panels: ['tsh'],
    medicationGroups: [['sertraline-50mg-tab', 'escitalopram-10mg-tab', 'paroxetine-20mg-tab']],
    exams: [],
  },
  anxiety: {
    icd10: 'F41', zh: '焦虑障碍', en: 'Other anxiety disorders',
    panels: ['tsh'],
    medicationGroups: [['buspirone-5mg-tab']],
    exams: ['ecg'],
  },
  gastricCancer: {
    icd10: 'C16', zh: '胃恶性肿瘤（术后随访）', en: 'Malignant neoplasm of stomach (follow-up)',
    panels: ['cbc', 'liver', 'cea'],
    medicationGroups: [['omeprazole-20mg-ec-cap', 'pantoprazole-40mg-ec-tab']],
    exams: ['abdominalCt'],
  },
  lungCancer: {
    icd10: 'C34', zh: '支气管和肺恶性肿瘤（随访）', en: 'Malignant neoplasm of bronchus and lung (follow-up)',
    panels: ['cbc', 'cea'],
    medicationGroups: [],
    exams: ['chestCt'],
  },
  asthma: {
    icd10: 'J45', zh: '支气管哮喘', en: 'Asthma',
    panels: [],
    medicationGroups: [['montelukast-4mg-chew-tab'], ['budesonide-1mg-neb']],
    exams: ['chestXray'],
  },
  atrialFibrillation: {
    icd10: 'I48', zh: '心房颤动', en: 'Atrial fibrillation and flutter',
    panels: ['inr', 'renal'],
    medicationGroups: [['warfarin-2.5mg-tab', 'rivaroxaban-10mg-tab'], ['metoprolol-47.5mg-er-tab']],
    exams: ['ecg', 'echo'],
  },
  heartFailure: {
    icd10: 'I50', zh: '心力衰竭', en: 'Heart failure',
    panels: ['ntprobnp', 'renal'],
    medicationGroups: [['furosemide-20mg-tab'], ['spironolactone-20mg-tab'], ['sacubitril-valsartan-100mg-tab']],
    exams: ['echo', 'chestXray'],
  },
  hypothyroidism: {
    icd10: 'E03', zh: '甲状腺功能减退症', en: 'Other hypothyroidism',
    panels: ['tsh'],
    medicationGroups: [['levothyroxine-50ug-tab']],
    exams: [],
  },
  gout: {
    icd10: 'M10', zh: '痛风', en: 'Gout',
    panels: ['renal'],
    medicationGroups: [['allopurinol-100mg-tab', 'febuxostat-40mg-tab']],
    exams: [],
  },
};
