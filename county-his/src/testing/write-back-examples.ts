/** Bodies the platform writes back to the county HIS, as a consultation would produce them. */
export function consultationNote(patientId: string, noteId: string) {
  return {
    resourceType: 'DocumentReference' as const,
    identifier: [{ system: 'urn:cloudclinic:consultation-note', value: noteId }],
    status: 'current' as const,
    docStatus: 'final' as const,
    type: { coding: [{ system: 'http://loinc.org', code: '11488-4', display: 'Consult note' }], text: '远程会诊意见' },
    subject: { reference: `Patient/${patientId}` },
    date: '2026-11-02T10:15:00+08:00',
    author: [{ display: '浙江医院 心血管内科 专家' }],
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          language: 'zh-CN',
          data: Buffer.from('云门诊意见：血压控制欠佳，建议加用缬沙坦80mg每日1次，2周后复查肾功能及血钾。', 'utf8').toString('base64'),
          title: '云门诊会诊意见',
          creation: '2026-11-02T10:15:00+08:00',
        },
      },
    ],
  };
}

export function onlinePrescription(patientId: string, rxId: string) {
  return {
    resourceType: 'MedicationRequest' as const,
    identifier: [{ system: 'urn:cloudclinic:prescription', value: rxId }],
    status: 'active' as const,
    intent: 'order' as const,
    medicationCodeableConcept: {
      coding: [{ system: 'urn:cloudclinic:formulary', code: 'F0104', display: 'Valsartan 80 mg capsule' }],
      text: '缬沙坦胶囊',
    },
    subject: { reference: `Patient/${patientId}` },
    authoredOn: '2026-11-02T10:16:00+08:00',
    requester: { display: '浙江医院 心血管内科 专家' },
    dosageInstruction: [{ text: '80mg，每日1次，口服', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' as const } } }],
    dispenseRequest: { quantity: { value: 1, unit: '盒' }, expectedSupplyDuration: { value: 28, unit: '天', system: 'http://unitsofmeasure.org', code: 'd' } },
  };
}

export function dispense(patientId: string, dispenseId: string, prescriptionId: string) {
  return {
    resourceType: 'MedicationDispense' as const,
    identifier: [{ system: 'urn:cloudclinic:dispense', value: dispenseId }],
    status: 'completed' as const,
    medicationReference: { reference: 'Medication/valsartan-80mg-cap', display: '缬沙坦胶囊' },
    subject: { reference: `Patient/${patientId}` },
    authorizingPrescription: [{ reference: `MedicationRequest/${prescriptionId}` }],
    quantity: { value: 1, unit: '盒' },
    whenHandedOver: '2026-11-02T11:05:00+08:00',
  };
}

export function ambulanceSpo2(patientId: string, readingId: string) {
  return {
    resourceType: 'Observation' as const,
    identifier: [{ system: 'urn:cloudclinic:vitals', value: readingId }],
    status: 'final' as const,
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs', display: 'Vital Signs' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' }], text: '血氧饱和度' },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: '2026-11-02T09:40:12+08:00',
    valueQuantity: { value: 91, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
  };
}

export function examReferral(patientId: string, referralId: string) {
  return {
    resourceType: 'ServiceRequest' as const,
    identifier: [{ system: 'urn:cloudclinic:referral', value: referralId }],
    status: 'active' as const,
    intent: 'order' as const,
    priority: 'routine' as const,
    category: [{ coding: [{ system: 'http://snomed.info/sct', code: '3457005', display: 'Patient referral' }], text: '双向转诊（上转）' }],
    code: { coding: [{ system: 'urn:cloudclinic:referral-kind', code: 'ct', display: 'CT检查' }], text: 'CT检查' },
    subject: { reference: `Patient/${patientId}` },
    authoredOn: '2026-11-02T10:15:00+08:00',
    occurrenceDateTime: '2026-11-05T09:00:00+08:00',
    requester: { display: '浙江医院 心血管内科 专家' },
    performer: [{ display: '浙江医院影像科' }],
    reasonCode: [{ text: '右肺下叶结节待查' }],
    patientInstruction: '检查前4小时禁食',
  };
}

export function referralTask(patientId: string, referralId: string) {
  return {
    resourceType: 'Task' as const,
    identifier: [{ system: 'urn:cloudclinic:referral', value: referralId }],
    status: 'accepted' as const,
    businessStatus: { text: '已预约' },
    intent: 'order' as const,
    for: { reference: `Patient/${patientId}` },
    authoredOn: '2026-11-02T10:15:00+08:00',
    lastModified: '2026-11-02T11:00:00+08:00',
    owner: { display: '浙江医院影像科' },
    executionPeriod: { start: '2026-11-05T09:00:00+08:00' },
  };
}
