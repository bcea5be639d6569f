import type { DrugMatcher } from './types';

export type InteractionSeverity = 'contraindicated' | 'major' | 'moderate';

export interface Interaction {
  id: string;
  a: DrugMatcher;
  b: DrugMatcher;
  severity: InteractionSeverity;
  zh: string;
  en: string;
}

/**
 * A curated table of clinically major drug–drug interactions (ingredient keys are normalised generic
 * names, classes are the formulary's drug classes). Not exhaustive: the pharmacist's review remains.
 */
export const INTERACTIONS: readonly Interaction[] = [
  {
    id: 'warfarin-antiplatelet-nsaid',
    a: { ingredients: ['warfarin'] },
    b: { classes: ['salicylate', 'nsaid', 'coxib', 'p2y12-inhibitor'] },
    severity: 'major',
    zh: '华法林与抗血小板药/非甾体抗炎药合用，出血风险显著增加',
    en: 'warfarin with antiplatelets/NSAIDs markedly increases bleeding risk',
  },
  {
    id: 'warfarin-amiodarone',
    a: { ingredients: ['warfarin'] },
    b: { ingredients: ['amiodarone'] },
    severity: 'major',
    zh: '胺碘酮抑制华法林代谢，INR升高、出血风险增加，需减量并密切监测INR',
    en: 'amiodarone inhibits warfarin metabolism: INR rises; reduce the dose and monitor INR',
  },
  {
    id: 'warfarin-azole-antibacterial',
    a: { ingredients: ['warfarin'] },
    b: { ingredients: ['fluconazole', 'metronidazole', 'sulfamethoxazole'] },
    severity: 'major',
    zh: '该抗感染药抑制华法林代谢，INR升高、出血风险增加',
    en: 'this anti-infective inhibits warfarin metabolism: INR rises, bleeding risk increases',
  },
  {
    id: 'doac-nsaid',
    a: { classes: ['doac'] },
    b: { classes: ['salicylate', 'nsaid', 'coxib'] },
    severity: 'major',
    zh: '新型口服抗凝药与阿司匹林/非甾体抗炎药合用，出血风险增加',
    en: 'direct oral anticoagulants with aspirin/NSAIDs increase bleeding risk',
  },
  {
    id: 'serotonergic-tramadol',
    a: { classes: ['ssri', 'snri'] },
    b: { ingredients: ['tramadol'] },
    severity: 'major',
    zh: 'SSRI/SNRI与曲马多合用，可致5-羟色胺综合征并降低癫痫发作阈值',
    en: 'SSRIs/SNRIs with tramadol can cause serotonin syndrome and lower the seizure threshold',
  },
  {
    id: 'clopidogrel-omeprazole',
    a: { ingredients: ['clopidogrel'] },
    b: { ingredients: ['omeprazole', 'esomeprazole'] },
    severity: 'major',
    zh: '奥美拉唑抑制CYP2C19，降低氯吡格雷抗血小板作用；如需抑酸宜换用泮托拉唑',
    en: 'omeprazole inhibits CYP2C19 and weakens clopidogrel; prefer pantoprazole',
  },
  {
    id: 'simvastatin-clarithromycin',
    a: { ingredients: ['simvastatin'] },
    b: { ingredients: ['clarithromycin'] },
    severity: 'contraindicated',
    zh: '克拉霉素强效抑制CYP3A4，辛伐他汀血药浓度显著升高，横纹肌溶解风险：禁止合用',
    en: 'clarithromycin strongly inhibits CYP3A4: simvastatin levels rise, risk of rhabdomyolysis — contraindicated',
  },
  {
    id: 'atorvastatin-clarithromycin',
    a: { ingredients: ['atorvastatin'] },
    b: { ingredients: ['clarithromycin'] },
    severity: 'major',
    zh: '克拉霉素升高阿托伐他汀浓度，肌病风险增加',
    en: 'clarithromycin raises atorvastatin levels: risk of myopathy',
  },
  {
    id: 'simvastatin-amiodarone',
    a: { ingredients: ['simvastatin'] },
    b: { ingredients: ['amiodarone'] },
    severity: 'major',
    zh: '胺碘酮升高辛伐他汀浓度，辛伐他汀不宜超过20 mg/日',
    en: 'amiodarone raises simvastatin levels: do not exceed 20 mg of simvastatin a day',
  },
  {
    id: 'amiodarone-digoxin',
    a: { ingredients: ['amiodarone'] },
    b: { ingredients: ['digoxin'] },
    severity: 'major',
    zh: '胺碘酮升高地高辛血药浓度，地高辛需减量并监测浓度',
    en: 'amiodarone raises digoxin levels: halve the digoxin dose and monitor levels',
  },
  {
    id: 'qt-amiodarone',
    a: { ingredients: ['amiodarone'] },
    b: { classes: ['fluoroquinolone', 'macrolide'] },
    severity: 'major',
    zh: '胺碘酮与喹诺酮类/大环内酯类合用，QT间期延长、尖端扭转型室速风险',
    en: 'amiodarone with fluoroquinolones/macrolides prolongs QT (torsades de pointes)',
  },
  {
    id: 'pde5-nitrate',
    a: { ingredients: ['sildenafil', 'tadalafil', 'vardenafil'] },
    b: { classes: ['nitrate'] },
    severity: 'contraindicated',
    zh: '磷酸二酯酶5抑制剂与硝酸酯类合用可致严重低血压：禁止合用',
    en: 'PDE5 inhibitors with nitrates cause severe hypotension — contraindicated',
  },
  {
    id: 'raas-potassium',
    a: { classes: ['acei', 'arb', 'arni'] },
    b: { classes: ['k-sparing-diuretic'], ingredients: ['potassium'] },
    severity: 'major',
    zh: 'ACEI/ARB与保钾利尿剂或补钾合用，高钾血症风险，需监测血钾',
    en: 'ACE inhibitors/ARBs with potassium-sparing diuretics or potassium cause hyperkalaemia; monitor potassium',
  },
  {
    id: 'spironolactone-potassium',
    a: { classes: ['k-sparing-diuretic'] },
    b: { ingredients: ['potassium'] },
    severity: 'major',
    zh: '保钾利尿剂与补钾合用，高钾血症风险',
    en: 'potassium-sparing diuretics with potassium supplements cause hyperkalaemia',
  },
  {
    id: 'acei-arni',
    a: { classes: ['acei'] },
    b: { classes: ['arni'] },
    severity: 'contraindicated',
    zh: 'ACEI与沙库巴曲缬沙坦合用，血管性水肿风险：禁止合用（需停用ACEI 36小时后）',
    en: 'ACE inhibitors with sacubitril/valsartan cause angioedema — contraindicated (36-hour washout)',
  },
  {
    id: 'acei-arb',
    a: { classes: ['acei'] },
    b: { classes: ['arb'] },
    severity: 'major',
    zh: 'ACEI与ARB双重阻断RAAS，高钾血症、低血压和肾功能损害风险',
    en: 'ACE inhibitor with ARB (dual RAAS blockade): hyperkalaemia, hypotension, renal impairment',
  },
  {
    id: 'metformin-contrast',
    a: { ingredients: ['metformin'] },
    b: { classes: ['iodinated-contrast'], ingredients: ['iohexol', 'iopromide', 'iodixanol', 'iopamidol'] },
    severity: 'major',
    zh: '二甲双胍与碘造影剂：造影前后48小时应停用二甲双胍（乳酸酸中毒风险）',
    en: 'metformin and iodinated contrast: withhold metformin for 48 hours around the study (lactic acidosis)',
  },
  {
    id: 'opioid-sedative',
    a: { classes: ['opioid'] },
    b: { classes: ['benzodiazepine', 'z-drug'] },
    severity: 'major',
    zh: '阿片类与苯二氮䓬类/镇静催眠药合用，呼吸抑制风险',
    en: 'opioids with benzodiazepines/hypnotics cause respiratory depression',
  },
  {
    id: 'carbamazepine-clarithromycin',
    a: { ingredients: ['carbamazepine'] },
    b: { ingredients: ['clarithromycin'] },
    severity: 'major',
    zh: '克拉霉素升高卡马西平浓度，可致中毒',
    en: 'clarithromycin raises carbamazepine levels (toxicity)',
  },
  {
    id: 'ssri-antithrombotic',
    a: { classes: ['ssri', 'snri'] },
    b: { classes: ['salicylate', 'nsaid', 'vitamin-k-antagonist', 'doac', 'p2y12-inhibitor'] },
    severity: 'moderate',
    zh: 'SSRI/SNRI与抗栓药/非甾体抗炎药合用，消化道出血风险增加',
    en: 'SSRIs/SNRIs with antithrombotics/NSAIDs increase gastrointestinal bleeding',
  },
  {
    id: 'statin-fibrate',
    a: { classes: ['statin'] },
    b: { classes: ['fibrate'] },
    severity: 'moderate',
    zh: '他汀类与贝特类合用，肌病风险增加',
    en: 'statins with fibrates increase the risk of myopathy',
  },
  {
    id: 'sulfonylurea-fluconazole',
    a: { classes: ['sulfonylurea'] },
    b: { ingredients: ['fluconazole'] },
    severity: 'moderate',
    zh: '氟康唑升高磺脲类浓度，低血糖风险',
    en: 'fluconazole raises sulfonylurea levels (hypoglycaemia)',
  },
];
