import type { ConditionKey, ExamKey } from './conditions';

/** A finding; `only` limits it to patients with one of these conditions. */
export type Finding = string | { text: string; only: readonly ConditionKey[] };

export interface ExamDef {
  zh: string;
  loinc: string;
  display: string;
  /** HL7 v2 diagnostic service section (table 0074). */
  section: { code: string; display: string };
  /** DICOM modality; absent when the exam has no images in PACS (ECG). */
  modality?: 'CT' | 'MR' | 'DX' | 'US';
  bodySite?: { snomed: string; display: string };
  series?: readonly { description: string; instances: [number, number] }[];
  /** Typical findings, normal first. */
  findings: readonly Finding[];
  /** Done at a higher-level hospital (the county has no MR). */
  externalOnly?: boolean;
}

export const EXAMS: Record<ExamKey, ExamDef> = {
  ecg: {
    zh: '常规十二导联心电图', loinc: '11524-6', display: 'EKG study', section: { code: 'EC', display: 'Electrocardiac (e.g., EKG, EEC, Holter)' },
    findings: ['窦性心律，正常心电图', { text: '窦性心律，ST-T改变', only: ['chd', 'hypertension', 'diabetes', 'heartFailure'] }, '窦性心律，左心室高电压', { text: '心房颤动，心室率约88次/分', only: ['atrialFibrillation'] }, '窦性心动过缓，一度房室传导阻滞'],
  },
  echo: {
    zh: '超声心动图', loinc: '42148-7', display: 'US Heart', section: { code: 'CUS', display: 'Cardiac Ultrasound' }, modality: 'US',
    bodySite: { snomed: '80891009', display: 'Heart structure' }, series: [{ description: 'Echo 2D/Doppler', instances: [40, 80] }],
    findings: ['各房室大小正常，左室射血分数62%', '左心房增大，左室舒张功能减退，EF 55%', { text: '节段性室壁运动异常，EF 45%', only: ['chd'] }, { text: '全心扩大，EF 35%，中度二尖瓣反流', only: ['heartFailure'] }],
  },
  chestCt: {
    zh: '胸部CT平扫', loinc: '24627-2', display: 'CT Chest', section: { code: 'CT', display: 'CAT Scan' }, modality: 'CT',
    bodySite: { snomed: '51185008', display: 'Thoracic structure' },
    series: [{ description: 'Scout', instances: [1, 2] }, { description: 'Lung 1.25mm', instances: [220, 320] }, { description: 'Mediastinum 5mm', instances: [60, 80] }],
    findings: ['两肺未见明显实质性病变', { text: '两肺气肿，肺大泡形成', only: ['copd'] }, { text: '慢性支气管炎、肺气肿改变，右下肺少许炎症', only: ['copd'] }, { text: '右上肺结节，较前相仿，建议随访', only: ['lungCancer', 'copd'] }, { text: '左肺术后改变，未见明确复发征象', only: ['lungCancer'] }],
  },
  chestXray: {
    zh: '胸部正侧位片', loinc: '36643-5', display: 'XR Chest 2V', section: { code: 'RAD', display: 'Radiology' }, modality: 'DX',
    bodySite: { snomed: '51185008', display: 'Thoracic structure' }, series: [{ description: 'PA', instances: [1, 1] }, { description: 'LAT', instances: [1, 1] }],
    findings: ['心肺膈未见明显异常', '两肺纹理增多', { text: '心影增大，两肺淤血', only: ['heartFailure'] }, { text: '两肺纹理增粗，符合支气管炎表现', only: ['copd', 'asthma'] }],
  },
  headCt: {
    zh: '头颅CT平扫', loinc: '24725-4', display: 'CT Head', section: { code: 'CT', display: 'CAT Scan' }, modality: 'CT',
    bodySite: { snomed: '69536005', display: 'Head structure' }, series: [{ description: 'Scout', instances: [1, 1] }, { description: 'Brain 5mm', instances: [28, 36] }],
    findings: ['颅内未见明显异常', { text: '左侧基底节区陈旧性腔隙性梗死灶', only: ['stroke'] }, '脑白质脱髓鞘改变，老年脑改变'],
  },
  brainMr: {
    zh: '头颅MRI平扫+DWI', loinc: '24590-2', display: 'MR Brain', section: { code: 'NMR', display: 'Nuclear Magnetic Resonance' }, modality: 'MR',
    bodySite: { snomed: '12738006', display: 'Brain structure' },
    series: [{ description: 'T1 AX', instances: [20, 24] }, { description: 'T2 AX', instances: [20, 24] }, { description: 'FLAIR', instances: [20, 24] }, { description: 'DWI', instances: [20, 48] }, { description: 'ADC', instances: [20, 24] }],
    findings: [{ text: '左侧放射冠区陈旧性梗死灶，未见新发梗死', only: ['stroke'] }, '双侧半卵圆中心多发腔隙灶，脑白质变性', { text: '右侧额叶软化灶形成', only: ['stroke'] }],
    externalOnly: true,
  },
  abdominalUs: {
    zh: '腹部彩超（肝胆胰脾）', loinc: '24558-9', display: 'US Abdomen', section: { code: 'RUS', display: 'Radiology Ultrasound' }, modality: 'US',
    bodySite: { snomed: '113345001', display: 'Abdominal structure' }, series: [{ description: 'Abdomen', instances: [12, 30] }],
    findings: ['肝胆胰脾未见明显异常', '脂肪肝（轻度）', { text: '脂肪肝（中度），胆囊息肉样病变', only: ['diabetes'] }, '胆囊结石'],
  },
  abdominalCt: {
    zh: '上腹部CT增强', loinc: '41806-1', display: 'CT Abdomen', section: { code: 'CT', display: 'CAT Scan' }, modality: 'CT',
    bodySite: { snomed: '113345001', display: 'Abdominal structure' },
    series: [{ description: 'Scout', instances: [1, 2] }, { description: 'Plain 5mm', instances: [50, 70] }, { description: 'Arterial', instances: [50, 70] }, { description: 'Venous', instances: [50, 70] }],
    findings: ['胃癌术后改变，吻合口未见明显增厚，未见肝转移', '胃术后改变，腹腔少许小淋巴结，较前相仿', '胃癌术后，肝内新见小低密度灶，建议MRI进一步检查'],
  },
};
