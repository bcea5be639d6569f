import { DEMO_PATIENTS } from '../demo-patients';
import type { PatientProfile } from './profile';

type Demo = (typeof DEMO_PATIENTS)[number];

function base(p: Demo, town: string, village: string, phone: string) {
  return {
    id: p.id, family: p.family, given: p.given, sex: p.sex, birthDate: p.birthDate,
    residentId: p.residentId, hisNumber: p.hisNumber, institution: p.institution, town, village, phone,
  };
}

/** The clinical side of the fixed demo patients (see demo-patients.ts for their identity). */
export function demoProfiles(): PatientProfile[] {
  const [wang, li, zhang, chen, liu] = DEMO_PATIENTS;
  return [
    {
      ...base(wang, '菜园镇', '渔港社区', '13905800101'),
      conditions: [{ key: 'hypertension', onset: '2012-04-18' }, { key: 'diabetes', onset: '2016-09-07' }],
      allergies: [{ key: 'seafood', recorded: '2013-06-02' }],
      medications: ['amlodipine-5mg-tab', 'metformin-500mg-tab'],
      pastMedications: [{ id: 'nifedipine-30mg-cr-tab', from: '2012-04-18', to: '2019-03-10' }],
    },
    {
      ...base(li, '嵊山镇', '东海村', '13857200202'),
      conditions: [{ key: 'hypertension', onset: '2008-05-20' }, { key: 'chd', onset: '2015-11-03' }],
      allergies: [{ key: 'penicillin', recorded: '1998-03-15' }],
      medications: ['aspirin-100mg-ec-tab', 'atorvastatin-20mg-tab', 'metoprolol-47.5mg-er-tab', 'isosorbide-mononitrate-40mg-er-tab', 'valsartan-80mg-cap'],
      pastMedications: [{ id: 'simvastatin-20mg-tab', from: '2015-11-03', to: '2020-06-12' }],
      admissions: 1,
    },
    {
      ...base(zhang, '菜园镇', '石柱社区', '13967600303'),
      conditions: [{ key: 'depression', onset: '2022-10-11' }, { key: 'anxiety', onset: '2022-10-11' }],
      allergies: [],
      medications: ['sertraline-50mg-tab'],
      pastMedications: [{ id: 'lorazepam-0.5mg-tab', from: '2022-10-11', to: '2022-12-20' }],
    },
    {
      ...base(chen, '高亭镇', '沙河村', '13588100404'),
      conditions: [{ key: 'copd', onset: '2014-01-22' }],
      allergies: [],
      medications: ['tiotropium-18ug-inh', 'salmeterol-fluticasone-50-250-inh', 'salbutamol-100ug-mdi'],
      pastMedications: [{ id: 'aminophylline-100mg-tab', from: '2014-01-22', to: '2018-08-30' }],
      admissions: 1,
    },
    {
      ...base(liu, '菜园镇', '金平社区', '13735500505'),
      conditions: [{ key: 'asthma', onset: '2021-04-09' }],
      allergies: [{ key: 'pollen', recorded: '2021-04-09' }],
      medications: ['montelukast-4mg-chew-tab', 'budesonide-1mg-neb'],
      pastMedications: [],
    },
  ];
}
