/** Code systems, identifier systems and extension URLs the county HIS speaks. One place, so tests and data agree. */
export const SYSTEM = {
  residentId: 'urn:oid:2.16.156.10011.1.1',
  hisNumber: { sscph: 'urn:cloudclinic:his:sscph', dsfph: 'urn:cloudclinic:his:dsfph' },
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  atc: 'http://www.whocc.no/atc',
  formulary: 'urn:cloudclinic:formulary',
  doseForm: 'urn:cloudclinic:dose-form',
  allergen: 'urn:cloudclinic:allergen',
  dicomUid: 'urn:dicom:uid',
  dicomModality: 'http://dicom.nema.org/resources/ontology/DCM',
  mutualRecognition: 'urn:cloudclinic:mutual-recognition',
  encounterNumber: 'urn:cloudclinic:his:encounter',
  documentNumber: 'urn:cloudclinic:his:document',
  orgCode: 'urn:cloudclinic:org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  diagnosticServiceSection: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  organizationType: 'http://terminology.hl7.org/CodeSystem/organization-type',
  medicationStatementCategory: 'http://terminology.hl7.org/CodeSystem/medication-statement-category',
  medicationRequestCategory: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category',
  documentCategory: 'urn:cloudclinic:document-category',
  /** 费别 of a Coverage: employee-insurance, resident-insurance, self-pay. */
  feeCategory: 'urn:cloudclinic:fee-category',
} as const;

/** Extensions on Medication (the formulary). */
export const EXT = {
  route: 'urn:cloudclinic:route',
  packageSize: 'urn:cloudclinic:package-size',
  stock: 'urn:cloudclinic:stock',
  pinyin: 'urn:cloudclinic:pinyin',
  narcotic: 'urn:cloudclinic:narcotic',
  psychotropic: 'urn:cloudclinic:psychotropic',
  antibioticGrade: 'urn:cloudclinic:antibiotic-grade',
  highAlert: 'urn:cloudclinic:high-alert',
  drugClass: 'urn:cloudclinic:drug-class',
  /** Special control class: toxic (医疗用毒性药品) or radioactive (放射性药品). */
  controlClass: 'urn:cloudclinic:control-class',
  /** valueBoolean false: not for internet prescribing (互联网诊疗不得开具). */
  internetPrescribing: 'urn:cloudclinic:internet-prescribing',
  /** Retail price of one package (valueMoney, CNY), with the source of the price in a sub-extension. */
  packagePrice: 'urn:cloudclinic:package-price',
} as const;

/** The 互认 (mutual recognition of results) tag on Observations and DiagnosticReports from another institution. */
export const MUTUAL_RECOGNITION_TAG = {
  system: SYSTEM.mutualRecognition,
  code: 'recognized',
  display: '互认',
} as const;
