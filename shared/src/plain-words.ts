/**
 * Prescription shorthand in plain words for the patient (the kiosk summary and its printout):
 * qd → 每日一次, bid → 每日两次, qn → 每晚一次, prn → 需要时, po → 口服 …
 * Both the platform's own codes (`oral`) and the Latin abbreviations doctors write (`po`) are known.
 * Server and client use this one table, so the screen and the paper say the same.
 */
export interface PlainWords {
  zh: string;
  en: string;
}

const FREQUENCY_WORDS: Record<string, PlainWords> = {
  qd: { zh: '每日一次', en: 'once a day' },
  bid: { zh: '每日两次', en: 'twice a day' },
  tid: { zh: '每日三次', en: 'three times a day' },
  qid: { zh: '每日四次', en: 'four times a day' },
  qn: { zh: '每晚一次', en: 'once every night' },
  hs: { zh: '睡前一次', en: 'once at bedtime' },
  qm: { zh: '每早一次', en: 'once every morning' },
  q6h: { zh: '每6小时一次', en: 'every 6 hours' },
  q8h: { zh: '每8小时一次', en: 'every 8 hours' },
  q12h: { zh: '每12小时一次', en: 'every 12 hours' },
  qod: { zh: '隔一天一次', en: 'every other day' },
  qw: { zh: '每周一次', en: 'once a week' },
  prn: { zh: '需要时', en: 'when needed' },
  st: { zh: '立即一次', en: 'once, right away' },
};

const ROUTE_WORDS: Record<string, PlainWords> = {
  oral: { zh: '口服', en: 'by mouth' },
  po: { zh: '口服', en: 'by mouth' },
  sublingual: { zh: '舌下含服', en: 'under the tongue' },
  sl: { zh: '舌下含服', en: 'under the tongue' },
  inhalation: { zh: '吸入', en: 'breathe in' },
  inh: { zh: '吸入', en: 'breathe in' },
  iv: { zh: '静脉注射', en: 'injection into a vein' },
  im: { zh: '肌肉注射', en: 'injection into a muscle' },
  sc: { zh: '皮下注射', en: 'injection under the skin' },
  ih: { zh: '皮下注射', en: 'injection under the skin' },
  transdermal: { zh: '贴在皮肤上', en: 'on the skin (patch)' },
  td: { zh: '贴在皮肤上', en: 'on the skin (patch)' },
  topical: { zh: '外用', en: 'on the skin' },
};

const norm = (code: string) => code.trim().toLowerCase().replace(/\./g, '');

/** How often, in plain words; an unknown code comes back as written (never dropped). */
export function plainFrequency(code: string): PlainWords {
  return FREQUENCY_WORDS[norm(code)] ?? { zh: code, en: code };
}

/** How to take it, in plain words; an unknown code comes back as written. */
export function plainRoute(code: string): PlainWords {
  return ROUTE_WORDS[norm(code)] ?? { zh: code, en: code };
}

export interface PlainDose {
  frequency: string;
  route: string;
  doseValue: number;
  doseUnit: string;
  days?: number | null | undefined;
}

/** One line the patient can follow: 口服，每日两次，每次 1 片，共 7 天 / by mouth, twice a day, 1 片 each time, for 7 days. */
export function plainInstruction(d: PlainDose): PlainWords {
  const f = plainFrequency(d.frequency);
  const r = plainRoute(d.route);
  const dose = `${d.doseValue} ${d.doseUnit}`;
  const days = d.days && d.days > 0 ? d.days : null;
  return {
    zh: [r.zh, f.zh, `每次 ${dose}`, ...(days ? [`共 ${days} 天`] : [])].join('，'),
    en: [r.en, f.en, `${dose} each time`, ...(days ? [`for ${days} days`] : [])].join(', '),
  };
}
