import type { DrugMatcher } from './types';

export interface ReproductiveCaution {
  matcher: DrugMatcher;
  /** contraindicated → warning (override with reason); caution → info. */
  level: 'contraindicated' | 'caution';
  zh: string;
  en: string;
}

/** Pregnancy (FDA X/D, label contraindications). First match wins. */
export const PREGNANCY: readonly ReproductiveCaution[] = [
  { matcher: { ingredients: ['warfarin'] }, level: 'contraindicated', zh: '华法林致胎儿畸形（华法林胚胎病）', en: 'warfarin embryopathy' },
  { matcher: { classes: ['statin'] }, level: 'contraindicated', zh: '他汀类妊娠期禁用', en: 'statins are contraindicated in pregnancy' },
  { matcher: { classes: ['acei', 'arb', 'arni'] }, level: 'contraindicated', zh: 'ACEI/ARB致胎儿肾损害、羊水过少', en: 'ACE inhibitors/ARBs cause fetal renal damage and oligohydramnios' },
  { matcher: { ingredients: ['valproate', 'carbamazepine'] }, level: 'contraindicated', zh: '该抗癫痫药致神经管缺陷等畸形', en: 'this antiepileptic causes neural tube defects' },
  { matcher: { ingredients: ['finasteride'] }, level: 'contraindicated', zh: '非那雄胺致男性胎儿外生殖器畸形', en: 'finasteride causes male fetal genital malformation' },
  { matcher: { classes: ['fluoroquinolone'] }, level: 'contraindicated', zh: '喹诺酮类妊娠期避免使用', en: 'avoid fluoroquinolones in pregnancy' },
  { matcher: { ingredients: ['estazolam', 'triazolam', 'alprazolam'] }, level: 'contraindicated', zh: '该苯二氮䓬类妊娠期禁用', en: 'this benzodiazepine is contraindicated in pregnancy' },
  { matcher: { ingredients: ['amiodarone'] }, level: 'contraindicated', zh: '胺碘酮致胎儿甲状腺功能异常', en: 'amiodarone causes fetal thyroid dysfunction' },
  { matcher: { ingredients: ['paroxetine'] }, level: 'contraindicated', zh: '帕罗西汀早孕期致心脏畸形', en: 'paroxetine in early pregnancy causes cardiac malformations' },
  { matcher: { classes: ['doac'] }, level: 'contraindicated', zh: '新型口服抗凝药妊娠期禁用', en: 'direct oral anticoagulants are contraindicated in pregnancy' },
  { matcher: { classes: ['bisphosphonate', 'fibrate', 'sglt2-inhibitor'] }, level: 'contraindicated', zh: '妊娠期不宜使用', en: 'not for use in pregnancy' },
  { matcher: { ingredients: ['spironolactone', 'thiamazole', 'febuxostat', 'allopurinol'] }, level: 'caution', zh: '妊娠期慎用，权衡利弊', en: 'use in pregnancy only if the benefit outweighs the risk' },
  { matcher: { classes: ['nsaid', 'coxib'] }, level: 'caution', zh: '妊娠20周后避免使用非甾体抗炎药', en: 'avoid NSAIDs after 20 weeks of pregnancy' },
  { matcher: { ingredients: ['sulfamethoxazole', 'fluconazole', 'metronidazole'] }, level: 'caution', zh: '妊娠早期及晚期慎用', en: 'use with caution in the first and last trimester' },
  { matcher: { classes: ['sulfonylurea', 'dpp4-inhibitor', 'biguanide'] }, level: 'caution', zh: '妊娠期血糖管理首选胰岛素', en: 'insulin is preferred for glycaemic control in pregnancy' },
];

/** Breastfeeding (LactMed, labels). First match wins. */
export const LACTATION: readonly ReproductiveCaution[] = [
  { matcher: { ingredients: ['amiodarone'] }, level: 'contraindicated', zh: '胺碘酮大量进入乳汁，哺乳期禁用', en: 'amiodarone passes into milk in large amounts' },
  { matcher: { classes: ['statin'] }, level: 'contraindicated', zh: '他汀类哺乳期禁用', en: 'statins are contraindicated while breastfeeding' },
  { matcher: { classes: ['doac'] }, level: 'contraindicated', zh: '新型口服抗凝药哺乳期不推荐', en: 'direct oral anticoagulants are not recommended while breastfeeding' },
  { matcher: { ingredients: ['moxifloxacin'] }, level: 'contraindicated', zh: '莫西沙星哺乳期禁用', en: 'moxifloxacin is contraindicated while breastfeeding' },
  { matcher: { classes: ['fluoroquinolone'] }, level: 'caution', zh: '喹诺酮类哺乳期慎用', en: 'use fluoroquinolones with caution while breastfeeding' },
  { matcher: { classes: ['benzodiazepine', 'z-drug'] }, level: 'caution', zh: '镇静药可致婴儿嗜睡', en: 'sedatives can make the infant drowsy' },
  { matcher: { ingredients: ['tramadol'] }, level: 'caution', zh: '曲马多哺乳期慎用', en: 'use tramadol with caution while breastfeeding' },
  { matcher: { ingredients: ['metronidazole', 'sulfamethoxazole'] }, level: 'caution', zh: '哺乳期慎用（必要时暂停哺乳）', en: 'use with caution (pause breastfeeding if needed)' },
  { matcher: { classes: ['sulfonylurea'] }, level: 'caution', zh: '注意婴儿低血糖', en: 'watch the infant for hypoglycaemia' },
];
