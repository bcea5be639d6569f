/** How each chronic drug is usually taken (用法用量), for dosage text and supply calculations. */
export interface Sig {
  /** Dose units per administration. */
  dose: number;
  /** Administrations per day (0 for as-needed). */
  perDay: number;
  zh: string;
  asNeeded?: boolean;
}

const DEFAULT_SIG: Sig = { dose: 1, perDay: 1, zh: '每日1次' };

const SIGS: Record<string, Sig> = {
  'metformin-500mg-tab': { dose: 1, perDay: 3, zh: '每日3次，餐中服' },
  'metformin-500mg-er-tab': { dose: 2, perDay: 1, zh: '每日1次，晚餐时服' },
  'acarbose-50mg-tab': { dose: 1, perDay: 3, zh: '每日3次，餐时嚼服' },
  'insulin-glargine-300u-inj': { dose: 12, perDay: 1, zh: '每晚睡前皮下注射' },
  'atorvastatin-20mg-tab': { dose: 1, perDay: 1, zh: '每晚1次' },
  'rosuvastatin-10mg-tab': { dose: 1, perDay: 1, zh: '每晚1次' },
  'simvastatin-20mg-tab': { dose: 1, perDay: 1, zh: '每晚1次' },
  'salmeterol-fluticasone-50-250-inh': { dose: 1, perDay: 2, zh: '每日2次，每次1吸，用后漱口' },
  'budesonide-formoterol-160-4.5-inh': { dose: 1, perDay: 2, zh: '每日2次，每次1吸，用后漱口' },
  'salbutamol-100ug-mdi': { dose: 2, perDay: 0, zh: '气喘时吸入1-2揿', asNeeded: true },
  'budesonide-1mg-neb': { dose: 1, perDay: 2, zh: '每日2次雾化吸入' },
  'montelukast-4mg-chew-tab': { dose: 1, perDay: 1, zh: '每晚睡前嚼服' },
  'montelukast-10mg-tab': { dose: 1, perDay: 1, zh: '每晚睡前' },
  'furosemide-20mg-tab': { dose: 1, perDay: 1, zh: '每日晨起1次' },
  'sacubitril-valsartan-100mg-tab': { dose: 1, perDay: 2, zh: '每日2次' },
  'aminophylline-100mg-tab': { dose: 1, perDay: 3, zh: '每日3次' },
  'buspirone-5mg-tab': { dose: 1, perDay: 3, zh: '每日3次' },
  'lorazepam-0.5mg-tab': { dose: 1, perDay: 1, zh: '睡前1次' },
  'allopurinol-100mg-tab': { dose: 1, perDay: 2, zh: '每日2次，多饮水' },
  'omeprazole-20mg-ec-cap': { dose: 1, perDay: 1, zh: '每日早餐前1次' },
  'pantoprazole-40mg-ec-tab': { dose: 1, perDay: 1, zh: '每日早餐前1次' },
  'levothyroxine-50ug-tab': { dose: 1, perDay: 1, zh: '每日晨起空腹1次' },
  'sertraline-50mg-tab': { dose: 1, perDay: 1, zh: '每日早餐后1次' },
  'warfarin-2.5mg-tab': { dose: 1, perDay: 1, zh: '每日1次，按INR调整' },
};

export function sigFor(drugId: string): Sig {
  return SIGS[drugId] ?? DEFAULT_SIG;
}
