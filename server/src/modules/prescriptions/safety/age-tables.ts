import type { DrugMatcher } from './types';

export interface PediatricCaution {
  matcher: DrugMatcher;
  /** Applies below this age (years). */
  belowAge: number;
  severity: 'warning' | 'info';
  zh: string;
  en: string;
}

/** Drugs to avoid or adjust in children (labels; 中国国家处方集·儿童版). */
export const PEDIATRIC_CAUTIONS: readonly PediatricCaution[] = [
  { matcher: { classes: ['fluoroquinolone'] }, belowAge: 18, severity: 'warning', zh: '喹诺酮类可影响软骨发育，18岁以下避免使用', en: 'fluoroquinolones may harm cartilage development: avoid under 18' },
  { matcher: { classes: ['salicylate'] }, belowAge: 16, severity: 'warning', zh: '16岁以下使用阿司匹林有瑞氏综合征风险', en: 'aspirin under 16 risks Reye’s syndrome' },
  { matcher: { ingredients: ['tramadol'] }, belowAge: 12, severity: 'warning', zh: '12岁以下禁用曲马多（呼吸抑制）', en: 'tramadol is contraindicated under 12 (respiratory depression)' },
  { matcher: { classes: ['benzodiazepine', 'z-drug'] }, belowAge: 18, severity: 'warning', zh: '镇静催眠药不推荐用于儿童青少年', en: 'sedative hypnotics are not recommended in children' },
  { matcher: { classes: ['statin'] }, belowAge: 10, severity: 'warning', zh: '10岁以下儿童他汀类安全性未确立', en: 'statin safety is not established under 10' },
  { matcher: { classes: ['sglt2-inhibitor', 'dpp4-inhibitor', 'sulfonylurea', 'thiazolidinedione'] }, belowAge: 18, severity: 'warning', zh: '该降糖药在儿童中安全性未确立', en: 'this antidiabetic’s safety is not established in children' },
  { matcher: { classes: ['coxib'] }, belowAge: 18, severity: 'warning', zh: '塞来昔布不推荐用于18岁以下', en: 'celecoxib is not recommended under 18' },
  { matcher: { ingredients: ['domperidone'] }, belowAge: 12, severity: 'info', zh: '12岁以下或体重<35 kg儿童需按体重给药', en: 'under 12 or below 35 kg dose by weight' },
];

export interface GeriatricCaution {
  matcher: DrugMatcher;
  /** avoid → warning; caution → info. `minDays`: applies only to courses longer than this. */
  level: 'avoid' | 'caution';
  minDays?: number;
  zh: string;
  en: string;
}

/** Potentially inappropriate medications in older adults (AGS Beers Criteria® 2023, abridged). First match wins. */
export const BEERS: readonly GeriatricCaution[] = [
  { matcher: { classes: ['benzodiazepine'] }, level: 'avoid', zh: '苯二氮䓬类增加老年人认知障碍、谵妄、跌倒和骨折风险', en: 'benzodiazepines increase cognitive impairment, delirium, falls and fractures' },
  { matcher: { classes: ['z-drug'] }, level: 'avoid', zh: '非苯二氮䓬类催眠药增加老年人跌倒、骨折和谵妄风险', en: 'Z-drug hypnotics increase falls, fractures and delirium' },
  { matcher: { ingredients: ['glimepiride', 'glibenclamide', 'glyburide'] }, level: 'avoid', zh: '长效磺脲类在老年人中低血糖风险高', en: 'long-acting sulfonylureas cause prolonged hypoglycaemia' },
  { matcher: { classes: ['alpha-blocker'] }, level: 'avoid', zh: 'α1受体阻滞剂用于降压易致体位性低血压', en: 'alpha-1 blockers for hypertension cause orthostatic hypotension' },
  { matcher: { ingredients: ['paroxetine'] }, level: 'avoid', zh: '帕罗西汀抗胆碱作用强', en: 'paroxetine is strongly anticholinergic' },
  { matcher: { classes: ['atypical-antipsychotic'] }, level: 'avoid', zh: '抗精神病药增加老年痴呆患者卒中和死亡风险（精神分裂症、双相障碍除外）', en: 'antipsychotics increase stroke and mortality in dementia (except schizophrenia, bipolar disorder)' },
  { matcher: { classes: ['nsaid'] }, level: 'avoid', minDays: 7, zh: '长期使用非甾体抗炎药增加老年人消化道出血和肾损伤风险', en: 'chronic NSAID use increases GI bleeding and kidney injury' },
  { matcher: { classes: ['nsaid', 'coxib'] }, level: 'caution', zh: '非甾体抗炎药注意消化道出血和肾功能', en: 'NSAIDs: watch for GI bleeding and kidney function' },
  { matcher: { classes: ['ppi'] }, level: 'caution', minDays: 56, zh: '质子泵抑制剂使用超过8周增加艰难梭菌感染、骨折风险', en: 'PPIs beyond 8 weeks increase C. difficile infection and fractures' },
  { matcher: { ingredients: ['amiodarone'] }, level: 'caution', zh: '胺碘酮不宜作为老年房颤一线用药', en: 'amiodarone should not be first-line for atrial fibrillation' },
  { matcher: { ingredients: ['aspirin'] }, level: 'caution', zh: '老年人阿司匹林用于一级预防出血风险大于获益', en: 'aspirin for primary prevention: bleeding outweighs benefit' },
  { matcher: { ingredients: ['warfarin'] }, level: 'caution', zh: '老年房颤患者初始抗凝宜首选DOAC', en: 'prefer a DOAC when starting anticoagulation for atrial fibrillation' },
  { matcher: { ingredients: ['rivaroxaban'] }, level: 'caution', zh: '利伐沙班老年人出血风险较高，注意肾功能', en: 'rivaroxaban: higher bleeding risk, check kidney function' },
  { matcher: { ingredients: ['tramadol'] }, level: 'caution', zh: '曲马多可致老年人低钠血症、低血糖', en: 'tramadol can cause hyponatraemia and hypoglycaemia' },
  { matcher: { classes: ['ssri', 'snri'], ingredients: ['mirtazapine'] }, level: 'caution', zh: '抗抑郁药增加老年人跌倒和低钠血症风险', en: 'antidepressants increase falls and hyponatraemia' },
  { matcher: { classes: ['sulfonylurea'] }, level: 'caution', zh: '磺脲类注意老年人低血糖', en: 'sulfonylureas: watch for hypoglycaemia' },
];
