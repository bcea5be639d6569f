/** @cloudclinic/county-his: a simulated county HIS speaking FHIR R4, for development, demos and tests. */
export { startCountyHis, loadResources, type CountyHisHandle, type CountyHisOptions } from './server';
export { createHisApp, type HisAppDeps } from './app';
export { DEMO_PATIENTS, type DemoPatient } from './demo-patients';
export { buildDataset, DEFAULT_AS_OF, DEFAULT_SEED, DEFAULT_PATIENT_COUNT, type DatasetOptions } from './data/dataset';
export { INSTITUTIONS, type InstitutionCode } from './data/organizations';
export { LABS, type LabKey, type LabDef } from './data/labs';
export { FORMULARY } from './data/formulary/formulary';
export type { DrugDef, DrugClass, AntibioticGrade } from './data/formulary/drug-def';
export { isValidResidentId, makeResidentId, residentIdCheckChar, ZHOUSHAN_REGIONS } from './data/resident-id';
export { EXT, MUTUAL_RECOGNITION_TAG, SYSTEM } from './fhir/systems';
export { READABLE_TYPES, WRITABLE_TYPES } from './fhir/resource-types';
