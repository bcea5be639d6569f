/**
 * Allergens the county HIS records. The local allergen code matches the formulary's drug class
 * (urn:cloudclinic:drug-class), so a prescribing check can compare them directly; SNOMED CT codes
 * are given where the HIS maps them.
 */
export type AllergenKey = 'penicillin' | 'cephalosporin' | 'sulfonamide' | 'iodineContrast' | 'aspirin' | 'seafood' | 'pollen';

export interface AllergenDef {
  /** Local code (urn:cloudclinic:allergen); for drugs, the drug class it covers. */
  code: string;
  zh: string;
  en: string;
  snomed?: { code: string; display: string };
  category: 'medication' | 'food' | 'environment';
  criticality: 'low' | 'high' | 'unable-to-assess';
  reaction: { snomed: string; display: string; zh: string; severity: 'mild' | 'moderate' | 'severe' };
}

export const ALLERGENS: Record<AllergenKey, AllergenDef> = {
  penicillin: {
    code: 'penicillin', zh: '青霉素过敏', en: 'Allergy to penicillin',
    snomed: { code: '91936005', display: 'Allergy to penicillin' },
    category: 'medication', criticality: 'high',
    reaction: { snomed: '39579001', display: 'Anaphylaxis', zh: '过敏性休克', severity: 'severe' },
  },
  cephalosporin: {
    code: 'cephalosporin', zh: '头孢类抗生素过敏', en: 'Allergy to cephalosporin',
    category: 'medication', criticality: 'high',
    reaction: { snomed: '271807003', display: 'Eruption of skin', zh: '皮疹', severity: 'moderate' },
  },
  sulfonamide: {
    code: 'sulfonamide', zh: '磺胺类药物过敏', en: 'Allergy to sulfonamide',
    snomed: { code: '91939003', display: 'Allergy to sulfonamide' },
    category: 'medication', criticality: 'low',
    reaction: { snomed: '271807003', display: 'Eruption of skin', zh: '皮疹', severity: 'moderate' },
  },
  iodineContrast: {
    code: 'iodinated-contrast', zh: '碘造影剂过敏', en: 'Allergy to iodinated contrast media',
    category: 'medication', criticality: 'high',
    reaction: { snomed: '247472004', display: 'Weal', zh: '荨麻疹', severity: 'moderate' },
  },
  aspirin: {
    code: 'salicylate', zh: '阿司匹林过敏', en: 'Allergy to aspirin',
    snomed: { code: '293586001', display: 'Allergy to aspirin' },
    category: 'medication', criticality: 'low',
    reaction: { snomed: '267036007', display: 'Dyspnea', zh: '哮喘发作、呼吸困难', severity: 'moderate' },
  },
  seafood: {
    code: 'seafood', zh: '海鲜过敏', en: 'Allergy to shellfish',
    snomed: { code: '300913006', display: 'Shellfish allergy' },
    category: 'food', criticality: 'low',
    reaction: { snomed: '247472004', display: 'Weal', zh: '荨麻疹', severity: 'mild' },
  },
  pollen: {
    code: 'pollen', zh: '花粉过敏', en: 'Allergy to pollen',
    category: 'environment', criticality: 'low',
    reaction: { snomed: '271807003', display: 'Eruption of skin', zh: '皮疹、鼻痒', severity: 'mild' },
  },
};
