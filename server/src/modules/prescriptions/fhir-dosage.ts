import { DRUG_ROUTES, FREQUENCIES, type Frequency, type RouteCode } from '@cloudclinic/shared';

export interface DosageLine {
  frequency: Frequency;
  route: RouteCode;
  dose: { value: number; unit: string };
  instructions: string;
}

/** FHIR Dosage of one prescription line (用法用量), the same on the MedicationRequest and its MedicationDispense. */
export function fhirDosage(line: DosageLine) {
  const frequency = FREQUENCIES[line.frequency];
  const route = DRUG_ROUTES[line.route];
  return {
    text: `${frequency.zh}，每次${line.dose.value}${line.dose.unit}，${route.zh}${line.instructions ? `；${line.instructions}` : ''}`,
    timing: { code: { text: line.frequency } },
    ...(line.frequency === 'prn' ? { asNeededBoolean: true } : {}),
    route: { text: route.zh },
    doseAndRate: [{ doseQuantity: { value: line.dose.value, unit: line.dose.unit } }],
  };
}
