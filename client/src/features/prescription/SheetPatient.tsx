import type { PrescriptionSheet } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { SheetField } from './SheetField';

/** 姓名, 性别, 年龄 (实足年龄), 临床诊断 (ICD-10 code and title). */
export function SheetPatient({ sheet }: { sheet: PrescriptionSheet }) {
  const { t } = useTranslation();
  const { patient } = sheet;
  const age = patient.age ? t(`rx.print.ages.${patient.age.unit}`, { count: patient.age.value }) : '—';
  const diagnosis = [...sheet.diagnoses.map((d) => `${d.zh}（${d.code}）`), sheet.diagnosisNote].filter(Boolean).join('；');
  return (
    <dl className="rx-sheet__patient">
      <SheetField label={t('rx.print.name')} testId="rx-print-name">
        {patient.name}
      </SheetField>
      <SheetField label={t('rx.print.sex')} testId="rx-print-sex">
        {t(`rx.print.sexes.${patient.sex}`)}
      </SheetField>
      <SheetField label={t('rx.print.age')} testId="rx-print-age">
        {age}
      </SheetField>
      <SheetField label={t('rx.print.diagnosis')} testId="rx-print-diagnosis" wide>
        {diagnosis || '—'}
      </SheetField>
    </dl>
  );
}
