import type { InstitutionCode } from './data/organizations';

export interface DemoPatient {
  id: string;
  name: string;
  family: string;
  given: string;
  sex: 'male' | 'female';
  birthDate: string;
  /** 18-digit resident identity card number (system urn:oid:2.16.156.10011.1.1). */
  residentId: string;
  /** The owning hospital's HIS number (system urn:cloudclinic:his:<institution>). */
  hisNumber: string;
  institution: InstitutionCode;
}

/**
 * The fixed patients the platform's demo appointments point at. Their ids, names and identifiers
 * never change; the rest of the HIS population is generated around them.
 */
export const DEMO_PATIENTS = [
  { id: 'p-0001', name: '王建国', family: '王', given: '建国', sex: 'male', birthDate: '1956-03-12', residentId: '33092219560312013X', hisNumber: 'SS1000001', institution: 'sscph' },
  { id: 'p-0002', name: '李秀英', family: '李', given: '秀英', sex: 'female', birthDate: '1948-09-30', residentId: '330922194809300262', hisNumber: 'SS1000002', institution: 'sscph' },
  { id: 'p-0003', name: '张海燕', family: '张', given: '海燕', sex: 'female', birthDate: '1979-05-21', residentId: '330922197905210420', hisNumber: 'SS1000003', institution: 'sscph' },
  { id: 'p-0004', name: '陈志明', family: '陈', given: '志明', sex: 'male', birthDate: '1962-11-02', residentId: '330921196211020170', hisNumber: 'DS2000001', institution: 'dsfph' },
  { id: 'p-0005', name: '刘小雨', family: '刘', given: '小雨', sex: 'female', birthDate: '2017-07-15', residentId: '330922201707150083', hisNumber: 'SS1000004', institution: 'sscph' },
] as const satisfies readonly DemoPatient[];
