import { one, type DrugDef } from './drug-def';

/** Electrolytes and IV fluids, haematinics and vitamins, urology. */
export const GENERAL: readonly DrugDef[] = [
  { id: 'potassium-chloride-500mg-er-tab', code: 'F0801', zh: '氯化钾缓释片', en: 'Potassium chloride 500 mg prolonged-release tablet', pinyin: 'lhj', form: 'er-tablet', route: 'oral', ingredients: one('氯化钾', 'Potassium chloride', 500, 'mg'), pack: 24, cls: 'electrolyte', atc: 'A12BA01' },
  { id: 'potassium-chloride-10pct-inj', code: 'F0802', zh: '氯化钾注射液（10%）', en: 'Potassium chloride 10% 1.5 g/10 mL concentrate for infusion', pinyin: 'lhj', form: 'injection', route: 'iv', internet: false, ingredients: one('氯化钾', 'Potassium chloride', 1.5, 'g'), pack: 5, cls: 'electrolyte', atc: 'B05XA01', highAlert: true },
  { id: 'sodium-chloride-0.9pct-250ml', code: 'F0803', zh: '氯化钠注射液（0.9%）', en: 'Sodium chloride 0.9% 250 mL infusion', pinyin: 'lhn', form: 'infusion', route: 'iv', ingredients: one('氯化钠', 'Sodium chloride', 2.25, 'g'), pack: 1, cls: 'iv-fluid', atc: 'B05BB01' },
  { id: 'glucose-5pct-250ml', code: 'F0804', zh: '葡萄糖注射液（5%）', en: 'Glucose 5% 250 mL infusion', pinyin: 'ptt', form: 'infusion', route: 'iv', ingredients: one('葡萄糖', 'Glucose', 12.5, 'g'), pack: 1, cls: 'iv-fluid', atc: 'B05BA03' },
  { id: 'ferrous-sulfate-300mg-tab', code: 'F0805', zh: '硫酸亚铁片', en: 'Ferrous sulfate 300 mg tablet', pinyin: 'lsyt', form: 'tablet', route: 'oral', ingredients: one('硫酸亚铁', 'Ferrous sulfate', 300, 'mg'), pack: 60, cls: 'iron', atc: 'B03AA07' },
  { id: 'folic-acid-5mg-tab', code: 'F0806', zh: '叶酸片', en: 'Folic acid 5 mg tablet', pinyin: 'ys', form: 'tablet', route: 'oral', ingredients: one('叶酸', 'Folic acid', 5, 'mg'), pack: 100, cls: 'vitamin', atc: 'B03BB01' },
  { id: 'mecobalamin-0.5mg-tab', code: 'F0807', zh: '甲钴胺片', en: 'Mecobalamin 0.5 mg tablet', pinyin: 'jga', form: 'tablet', route: 'oral', ingredients: one('甲钴胺', 'Mecobalamin', 0.5, 'mg'), pack: 20, cls: 'vitamin', atc: 'B03BA05' },
  { id: 'tamsulosin-0.2mg-er-cap', code: 'F0808', zh: '盐酸坦索罗辛缓释胶囊', en: 'Tamsulosin hydrochloride 0.2 mg modified-release capsule', pinyin: 'tslx', form: 'er-capsule', route: 'oral', ingredients: one('坦索罗辛', 'Tamsulosin hydrochloride', 0.2, 'mg'), pack: 10, cls: 'alpha-blocker-urologic', atc: 'G04CA02' },
  { id: 'finasteride-5mg-tab', code: 'F0809', zh: '非那雄胺片', en: 'Finasteride 5 mg tablet', pinyin: 'fnxa', form: 'tablet', route: 'oral', ingredients: one('非那雄胺', 'Finasteride', 5, 'mg'), pack: 10, cls: '5ari', atc: 'G04CB01' },
  { id: 'atropine-0.3mg-tab', code: 'F0810', zh: '硫酸阿托品片', en: 'Atropine sulfate 0.3 mg tablet', pinyin: 'atp', form: 'tablet', route: 'oral', ingredients: one('阿托品', 'Atropine sulfate', 0.3, 'mg'), pack: 100, cls: 'anticholinergic', atc: 'A03BA01', control: 'toxic', highAlert: true },
  { id: 'sodium-iodide-131i-cap', code: 'F0811', zh: '碘[131I]化钠胶囊', en: 'Sodium iodide (131I) 185 MBq capsule', pinyin: 'dhn', form: 'capsule', route: 'oral', ingredients: one('碘[131I]化钠', 'Sodium iodide (131I)', 185, 'MBq'), pack: 1, cls: 'radiopharmaceutical', atc: 'V10XA01', control: 'radioactive' },
];
