import type { RegimenTemplate } from '@cloudclinic/shared';

/**
 * Regimen templates (常用处方模板) for the pad. Items refer to county formulary ids; a template whose
 * products the formulary lacks is not offered. Everything is checked as if typed by hand.
 */
export const REGIMEN_TEMPLATES: readonly RegimenTemplate[] = [
  {
    id: 'hypertension-first-line',
    name: '高血压一线（CCB）',
    nameEn: 'Hypertension, first line (CCB)',
    diagnosis: '原发性高血压',
    items: [{ medicationId: 'amlodipine-5mg-tab', dose: { value: 5, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 28, instructions: '晨起服用，监测血压' }],
  },
  {
    id: 'hypertension-ccb-arb',
    name: '高血压联合（CCB+ARB）',
    nameEn: 'Hypertension, combination (CCB + ARB)',
    diagnosis: '原发性高血压',
    items: [
      { medicationId: 'amlodipine-5mg-tab', dose: { value: 5, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 28, instructions: '晨起服用' },
      { medicationId: 'valsartan-80mg-cap', dose: { value: 80, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 28, instructions: '监测血钾、肾功能' },
    ],
  },
  {
    id: 'type2-diabetes-initial',
    name: '2型糖尿病起始',
    nameEn: 'Type 2 diabetes, initial',
    diagnosis: '2型糖尿病',
    items: [{ medicationId: 'metformin-500mg-tab', dose: { value: 500, unit: 'mg' }, frequency: 'bid', route: 'oral', days: 28, instructions: '随餐服用，监测血糖' }],
  },
  {
    id: 'chd-secondary-prevention',
    name: '冠心病二级预防',
    nameEn: 'Coronary heart disease, secondary prevention',
    diagnosis: '慢性缺血性心脏病',
    items: [
      { medicationId: 'aspirin-100mg-ec-tab', dose: { value: 100, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 30, instructions: '餐前服用' },
      { medicationId: 'atorvastatin-20mg-tab', dose: { value: 20, unit: 'mg' }, frequency: 'qn', route: 'oral', days: 28, instructions: '' },
      { medicationId: 'metoprolol-47.5mg-er-tab', dose: { value: 47.5, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 28, instructions: '监测心率' },
    ],
  },
  {
    id: 'acute-bacterial-pharyngitis',
    name: '急性细菌性咽炎（阿莫西林）',
    nameEn: 'Acute bacterial pharyngitis (amoxicillin)',
    diagnosis: '急性细菌性咽炎',
    items: [{ medicationId: 'amoxicillin-250mg-cap', dose: { value: 500, unit: 'mg' }, frequency: 'tid', route: 'oral', days: 7, instructions: '用药前询问青霉素过敏史' }],
  },
  {
    id: 'depression-initial',
    name: '抑郁症起始（SSRI）',
    nameEn: 'Depression, initial (SSRI)',
    diagnosis: '抑郁发作',
    items: [{ medicationId: 'sertraline-50mg-tab', dose: { value: 50, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 14, instructions: '早餐后服用，2周后复诊' }],
  },
];
