import type { PrescriptionSheet } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { shanghaiDateTime } from './format';
import { SheetField } from './SheetField';

/** 医疗机构名称, title, 处方号, 日期, 科别, 门诊/病历号, 费别. */
export function SheetHeader({ sheet }: { sheet: PrescriptionSheet }) {
  const { t } = useTranslation();
  const fee = sheet.feeCategory;
  return (
    <header className="rx-sheet__header">
      <p className="rx-sheet__hospital" data-testid="rx-print-institution">
        {sheet.institution}
      </p>
      <h1 className="rx-sheet__title">{t('rx.print.title')}</h1>
      <p className="rx-sheet__subtitle">{t('rx.print.subtitle')}</p>
      <dl className="rx-sheet__meta">
        <SheetField label={t('rx.print.number')} testId="rx-print-number">
          {sheet.number}
        </SheetField>
        <SheetField label={t('rx.print.date')} testId="rx-print-date">
          {shanghaiDateTime(sheet.issuedAt).slice(0, 10)}
        </SheetField>
        <SheetField label={t('rx.print.department')} testId="rx-print-department">
          {sheet.department ?? '—'}
        </SheetField>
        <SheetField label={t('rx.print.recordNumber')} testId="rx-print-record-number">
          {sheet.recordNumber ?? t('rx.print.unregistered')}
        </SheetField>
        <SheetField label={t('rx.print.fee')} testId="rx-print-fee">
          {fee ? t(`rx.print.fees.${fee.code ?? 'other'}`, { defaultValue: fee.label }) : t('rx.print.unregistered')}
        </SheetField>
        <SheetField label={t('rx.print.institution')} testId="rx-print-pharmacy">
          {sheet.pharmacy}
        </SheetField>
      </dl>
    </header>
  );
}
