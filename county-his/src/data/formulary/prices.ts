import type { Extension } from '@medplum/fhirtypes';
import { EXT } from '../../fhir/systems';
import { createRng } from '../prng';
import type { DrugDef } from './drug-def';

/** Where the simulator's prices come from: made up, so nobody mistakes them for a tariff. */
export const PRICE_SOURCE = '演示数据：模拟零售价，非挂网采购价（synthetic demo price, not a procurement tariff）';

/** Retail price of one package in CNY: deterministic per formulary code, 3.00–98.00. */
export function packagePrice(drug: DrugDef): number {
  return createRng(`price:${drug.code}`).int(300, 9800) / 100;
}

/** The price extension of a Medication: `price` (valueMoney, CNY, per package) and `source`. */
export function priceExtension(drug: DrugDef): Extension {
  return {
    url: EXT.packagePrice,
    extension: [
      { url: 'price', valueMoney: { value: packagePrice(drug), currency: 'CNY' } },
      { url: 'source', valueString: PRICE_SOURCE },
    ],
  };
}
