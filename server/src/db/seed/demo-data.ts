/**
 * Demo data, idempotent: safe to run on every start. Everything has a fixed code so a second run
 * updates rather than duplicates. Patients live in the county HIS; appointments only reference them.
 */
export const DEMO_PASSWORD = 'Demo@2026';

export const INSTITUTIONS = [
  { code: 'zjh', name: '浙江医院', nameEn: 'Zhejiang Hospital', kind: 'provincial_hospital', region: '杭州' },
  { code: 'sscph', name: '嵊泗县人民医院', nameEn: "Shengsi County People's Hospital", kind: 'county_hospital', region: '舟山·嵊泗' },
  { code: 'sshc', name: '嵊山中心卫生院', nameEn: 'Shengshan Central Health Centre', kind: 'township_health_centre', region: '舟山·嵊泗' },
  { code: 'ark', name: '共富方舟', nameEn: 'Common Prosperity Ark (mobile clinic ship)', kind: 'mobile_clinic', region: '舟山海域' },
  { code: 'dsfph', name: '岱山县第一人民医院', nameEn: "Daishan County First People's Hospital", kind: 'county_hospital', region: '舟山·岱山' },
] as const;

/**
 * Demo staff PINs that take an institution's kiosks out of kiosk mode (sign-out). Stored hashed; a
 * real deployment sets its own per institution.
 */
export const KIOSK_STAFF_PINS: Readonly<Record<string, string>> = { sscph: '135790', sshc: '246802', dsfph: '975310' };

export const DEPARTMENTS = [
  { institution: 'zjh', code: 'cardiology', name: '心血管内科', nameEn: 'Cardiology' },
  { institution: 'zjh', code: 'psychiatry', name: '精神卫生科', nameEn: 'Psychiatry' },
  { institution: 'sscph', code: 'general', name: '全科', nameEn: 'General practice' },
  { institution: 'sscph', code: 'pharmacy', name: '药剂科', nameEn: 'Pharmacy' },
] as const;

/** 号源 of the provincial cardiology department for up-referrals, every day (hours in China time). */
export const REFERRAL_SLOTS = [
  { kind: 'exam', examType: 'ct', hour: 9, place: '浙江医院影像科 CT室（2号楼1层）', capacity: 4 },
  { kind: 'exam', examType: 'ct', hour: 14, place: '浙江医院影像科 CT室（2号楼1层）', capacity: 4 },
  { kind: 'exam', examType: 'mri', hour: 10, place: '浙江医院放射科 MRI室（2号楼2层）', capacity: 2 },
  { kind: 'outpatient', examType: null, hour: 8.5, place: '浙江医院门诊3楼 心血管内科诊区', capacity: 10 },
  { kind: 'admission', examType: null, hour: 10, place: '浙江医院住院部 心血管内科病区（5号楼8层）', capacity: 2 },
] as const;

export type DemoRole = 'expert' | 'county_doctor' | 'kiosk' | 'pharmacist' | 'field_doctor' | 'admin';

export const USERS: readonly {
  username: string;
  displayName: string;
  role: DemoRole;
  institution: string;
  department?: string;
  qualificationNo?: string;
}[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', institution: 'zjh' },
  { username: 'coordinator', displayName: '周协调', role: 'admin', institution: 'zjh' },
  { username: 'dr.chen', displayName: '陈建华', role: 'expert', institution: 'zjh', department: 'cardiology', qualificationNo: '110330000012345' },
  { username: 'dr.lin', displayName: '林晓燕', role: 'expert', institution: 'zjh', department: 'psychiatry', qualificationNo: '110330000023456' },
  { username: 'dr.he', displayName: '何志强', role: 'expert', institution: 'zjh', department: 'cardiology', qualificationNo: '110330000034567' },
  { username: 'doc.wang', displayName: '王海东', role: 'county_doctor', institution: 'sscph', department: 'general', qualificationNo: '210330000045678' },
  { username: 'doc.daishan', displayName: '李岱', role: 'county_doctor', institution: 'dsfph', qualificationNo: '210330000056789' },
  { username: 'kiosk.shengsi', displayName: '嵊泗县人民医院 云诊室1', role: 'kiosk', institution: 'sscph' },
  { username: 'kiosk.shengsi2', displayName: '嵊泗县人民医院 云诊室2', role: 'kiosk', institution: 'sscph' },
  { username: 'kiosk.shengshan', displayName: '嵊山中心卫生院 云诊室', role: 'kiosk', institution: 'sshc' },
  { username: 'kiosk.daishan', displayName: '岱山县第一人民医院 云诊室', role: 'kiosk', institution: 'dsfph' },
  { username: 'pharm.zhou', displayName: '周敏', role: 'pharmacist', institution: 'sscph', department: 'pharmacy', qualificationNo: '310330000067890' },
  { username: 'field.xu', displayName: '徐海洋', role: 'field_doctor', institution: 'ark', qualificationNo: '210330000078901' },
];

/**
 * Today's cloud-clinic sessions (local time, Asia/Shanghai), serving the listed institutions. They run
 * the whole calendar day (00:00–23:59) so that the demo walk-through, and the tests built on the seed, work at any hour.
 */
export const SESSIONS = [
  { key: 'cardiology', codePrefix: 'XN', expert: 'dr.chen', department: 'cardiology', startHour: 0, endHour: 24 - 1 / 60, capacity: 20, serves: ['sscph', 'sshc'] },
  { key: 'psychiatry', codePrefix: 'JS', expert: 'dr.lin', department: 'psychiatry', startHour: 0, endHour: 24 - 1 / 60, capacity: 12, serves: ['sscph', 'dsfph'] },
] as const;

/**
 * Today's demo appointments (patients of the county HIS simulator). The slip code is
 * `<prefix><MMDD><queue number>`, e.g. XN112301 for the first cardiology patient on 23 November.
 */
export const APPOINTMENTS = [
  { session: 'cardiology', patientId: 'p-0001' },
  { session: 'cardiology', patientId: 'p-0002' },
  { session: 'cardiology', patientId: 'p-0005' },
  { session: 'psychiatry', patientId: 'p-0003' },
  { session: 'psychiatry', patientId: 'p-0004' },
] as const;
