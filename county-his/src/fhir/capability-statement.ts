import { paramNames, SEARCH_PARAMS } from '../search/param-definitions';
import { READABLE_TYPES, isUpdatableType, isWritableType } from './resource-types';

const PARAM_TYPES = { token: 'token', reference: 'reference', date: 'date', string: 'string' } as const;

/** GET /metadata: what this county HIS supports, generated from the same tables the server runs on. */
export function capabilityStatement(base: string, software: { name: string; version: string }, date: string) {
  return {
    resourceType: 'CapabilityStatement' as const,
    status: 'active' as const,
    date,
    publisher: 'CloudClinic county HIS simulator',
    kind: 'instance' as const,
    software,
    implementation: { description: '嵊泗县人民医院 / 岱山县第一人民医院 HIS (FHIR R4 facade)', url: base },
    fhirVersion: '4.0.1' as const,
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server' as const,
        documentation: 'Search paging: _count (default 20, max 1000) and _offset; follow Bundle.link next. Dates without a zone are China time (+08:00).',
        security: { cors: false, description: 'Bearer token when HIS_API_TOKEN is set' },
        resource: READABLE_TYPES.map((type) => ({
          type,
          interaction: [
            { code: 'read' as const },
            { code: 'vread' as const },
            { code: 'search-type' as const },
            ...(isWritableType(type) ? [{ code: 'create' as const }] : []),
            ...(isUpdatableType(type) ? [{ code: 'update' as const }] : []),
          ],
          versioning: 'versioned' as const,
          readHistory: false,
          updateCreate: false,
          conditionalCreate: isWritableType(type),
          searchParam: paramNames(type).map((name) => {
            const def = SEARCH_PARAMS[type][name];
            return { name, type: def ? PARAM_TYPES[def.type] : name === '_lastUpdated' ? ('date' as const) : ('token' as const) };
          }),
        })),
      },
    ],
  };
}
