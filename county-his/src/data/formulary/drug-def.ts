/** One line of the county pharmacy catalogue (药品目录), before it becomes a FHIR Medication. */
export type DoseForm =
  | 'tablet' | 'er-tablet' | 'cr-tablet' | 'ec-tablet' | 'chewable-tablet' | 'effervescent-tablet' | 'sublingual-tablet'
  | 'capsule' | 'er-capsule' | 'ec-capsule'
  | 'injection' | 'powder-for-injection' | 'infusion'
  | 'dry-powder-inhaler' | 'metered-dose-inhaler' | 'nebuliser-suspension'
  | 'patch' | 'powder';

export type Route = 'oral' | 'iv' | 'im' | 'sc' | 'inhalation' | 'sublingual' | 'transdermal';

/** 抗菌药物分级管理: 非限制使用级 / 限制使用级 / 特殊使用级. */
export type AntibioticGrade = 'unrestricted' | 'restricted' | 'special';

/** Class used for allergy cross-checks and duplicate-therapy checks. */
export type DrugClass =
  | 'ccb' | 'arb' | 'acei' | 'arni' | 'beta-blocker' | 'alpha-blocker' | 'thiazide' | 'loop-diuretic' | 'k-sparing-diuretic'
  | 'biguanide' | 'sulfonylurea' | 'alpha-glucosidase-inhibitor' | 'dpp4-inhibitor' | 'sglt2-inhibitor' | 'thiazolidinedione' | 'insulin' | 'glp1-agonist'
  | 'statin' | 'cholesterol-absorption-inhibitor' | 'fibrate'
  | 'salicylate' | 'p2y12-inhibitor' | 'vitamin-k-antagonist' | 'doac' | 'heparin'
  | 'nitrate' | 'cardiac-glycoside' | 'antiarrhythmic' | 'antianginal'
  | 'lama' | 'laba-ics' | 'saba' | 'sama' | 'ics' | 'leukotriene-antagonist' | 'methylxanthine' | 'mucolytic'
  | 'ssri' | 'snri' | 'nassa' | 'benzodiazepine' | 'z-drug' | 'stimulant' | 'atypical-antipsychotic' | 'azapirone'
  | 'opioid' | 'nsaid' | 'coxib' | 'analgesic'
  | 'ppi' | 'antacid' | 'prokinetic' | 'antidiarrhoeal'
  | 'penicillin' | 'cephalosporin' | 'fluoroquinolone' | 'macrolide' | 'sulfonamide' | 'nitroimidazole' | 'carbapenem' | 'glycopeptide' | 'oxazolidinone' | 'azole-antifungal' | 'neuraminidase-inhibitor'
  | 'thyroid-hormone' | 'antithyroid' | 'corticosteroid' | 'electrolyte' | 'bisphosphonate' | 'xanthine-oxidase-inhibitor'
  | 'alpha-blocker-urologic' | '5ari' | 'antihistamine' | 'cholinesterase-inhibitor' | 'dopaminergic' | 'antiepileptic'
  | 'vitamin' | 'iron' | 'iv-fluid' | 'sympathomimetic' | 'anticholinergic' | 'radiopharmaceutical';

export interface Ingredient {
  zh: string;
  en: string;
  value: number;
  unit: string;
}

export interface DrugDef {
  /** Medication.id */
  id: string;
  /** Local formulary code (urn:cloudclinic:formulary). */
  code: string;
  /** Chinese name as on the package (通用名 + 剂型). */
  zh: string;
  /** English name with strength and form. */
  en: string;
  /** Pinyin initials of the generic name, lower case (氨氯地平 → amld). */
  pinyin: string;
  form: DoseForm;
  route: Route;
  /** Active ingredient(s) per dose unit (per tablet, capsule, vial, actuation …). */
  ingredients: readonly Ingredient[];
  /** Dose units in one package, e.g. 28 片 per box. */
  pack: number;
  cls: DrugClass;
  atc: string;
  narcotic?: boolean;
  psychotropic?: 'I' | 'II';
  antibiotic?: AntibioticGrade;
  highAlert?: boolean;
  /** 医疗用毒性药品 or 放射性药品: special control classes besides narcotics and psychotropics. */
  control?: 'toxic' | 'radioactive';
  /** false: the pharmacy does not allow this product on internet prescriptions (e.g. concentrated electrolytes). */
  internet?: false;
  /** Stock on hand in packages; generated when not given. */
  stock?: number;
}

/** One ingredient, named like the product. */
export function one(zh: string, en: string, value: number, unit: string): readonly Ingredient[] {
  return [{ zh, en, value, unit }];
}
