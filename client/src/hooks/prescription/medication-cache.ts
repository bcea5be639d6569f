import type { MedicationSummary } from '@cloudclinic/shared';
import { prescriptionApi } from '../../api/prescription-api';

/** Catalogue entries seen in this tab (search results, templates), so a reopened draft knows its units. */
const known = new Map<string, MedicationSummary>();

export function remember(list: readonly MedicationSummary[]): void {
  for (const m of list) known.set(m.id, m);
}

export function knownMedications(): ReadonlyMap<string, MedicationSummary> {
  return known;
}

/** Looks up products not seen yet by their formulary code (an exact code is the first hit). */
export async function resolveMedications(items: readonly { medicationId: string; code: string }[]): Promise<ReadonlyMap<string, MedicationSummary>> {
  for (const i of items) {
    if (known.has(i.medicationId)) continue;
    try {
      remember(await prescriptionApi.searchFormulary(i.code));
    } catch {
      /* the pad still works with the server's quantities */
    }
  }
  return known;
}
