import { DRUG_ROUTES, type RouteCode } from '@cloudclinic/shared';
import type { FormularyDrug } from '../fhir-formulary';
import type { RawFinding, SafetyInput } from './types';

/** Routes a dosage form can be given by, from the form's code or, failing that, its Chinese name. */
const BY_FORM: readonly { test: RegExp; routes: readonly RouteCode[] }[] = [
  { test: /sublingual|舌下/, routes: ['sublingual', 'oral'] },
  { test: /infusion|输液/, routes: ['iv'] },
  { test: /injection|注射/, routes: ['iv', 'im', 'sc'] },
  { test: /inhal|nebul|吸入|气雾/, routes: ['inhalation'] },
  { test: /patch|transdermal|贴/, routes: ['transdermal'] },
  { test: /tablet|capsule|powder|syrup|solution|suspension|granule|片|胶囊|散|颗粒|糖浆|口服/, routes: ['oral'] },
];

/** The routes the product's dosage form allows; an unknown form allows only the formulary's own route. */
export function routesForForm(drug: FormularyDrug): readonly RouteCode[] {
  const form = `${drug.form.code} ${drug.form.zh}`.toLowerCase();
  return BY_FORM.find((f) => f.test.test(form))?.routes ?? [drug.route];
}

/** A route the dosage form cannot be given by (a tablet `iv`) is refused, no override. */
export function routeRule(input: SafetyInput): RawFinding[] {
  const out: RawFinding[] = [];
  for (const item of input.items) {
    const allowed = routesForForm(item.drug);
    if (allowed.includes(item.route)) continue;
    const { drug } = item;
    out.push({
      id: `route:${drug.id}:${item.route}`,
      rule: 'route',
      severity: 'refused',
      medicationIds: [drug.id],
      message: `${drug.name}（${drug.form.zh || drug.form.code}）不能${DRUG_ROUTES[item.route].zh}给药，只可${allowed.map((r) => DRUG_ROUTES[r].zh).join('、')}。`,
      messageEn: `${drug.nameEn} (${drug.form.code || drug.form.zh}) cannot be given by the ${DRUG_ROUTES[item.route].en} route; only ${allowed.map((r) => DRUG_ROUTES[r].en).join(', ')}.`,
    });
  }
  return out;
}
