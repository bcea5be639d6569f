import type { PrescriptionSheet } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { shanghaiDateTime } from './format';
import { SheetField } from './SheetField';

/** 医师 (electronic signature), 审核药师, 调配药师, 核对/发药药师, validity, and the QR with its code. */
export function SheetSignatures({ sheet, qr }: { sheet: PrescriptionSheet; qr: string }) {
  const { t } = useTranslation();
  const dispenser = sheet.dispenser ? `${sheet.dispenser.name}${sheet.dispensedBySameAsReviewer ? t('rx.print.sameAsReviewer') : ''}` : '';
  return (
    <footer className="rx-sheet__footer">
      <dl>
        <SheetField label={t('rx.print.prescriber')} testId="rx-print-prescriber">
          {sheet.prescriber.name}
          {sheet.prescriber.qualificationNo ? `（${sheet.prescriber.qualificationNo}）` : ''}
        </SheetField>
        <SheetField label={t('rx.print.signedAt')} testId="rx-print-signed-at">
          {shanghaiDateTime(sheet.prescriber.signedAt)}
        </SheetField>
        <SheetField label={t('rx.print.pharmacist')} testId="rx-print-reviewer">
          {sheet.reviewer?.name ?? ''}
        </SheetField>
        <SheetField label={t('rx.print.dispenser')} testId="rx-print-dispenser">
          {dispenser}
        </SheetField>
        <SheetField label={t('rx.print.checker')} testId="rx-print-checker">
          {dispenser}
        </SheetField>
        <SheetField label={t('rx.print.validUntil')} testId="rx-print-valid-until">
          {shanghaiDateTime(sheet.validUntil)}
        </SheetField>
      </dl>
      <figure className="rx-sheet__qr">
        <img src={qr} alt={t('rx.print.verify')} width={88} height={88} data-testid="rx-print-qr" />
        <figcaption>{t('rx.print.verify')}</figcaption>
        <figcaption className="rx-sheet__code" data-testid="rx-print-code">
          {t('rx.print.code', { code: sheet.verificationCode })}
        </figcaption>
      </figure>
    </footer>
  );
}
