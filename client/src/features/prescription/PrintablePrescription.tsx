import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { PrescriptionSheetView } from './PrescriptionSheetView';
import { usePrescriptionSheet } from './use-prescription-sheet';

interface PrintablePrescriptionProps {
  prescriptionId: string;
  onClose(): void;
}

/**
 * The printable prescription (处方笺, A5 portrait), as the server assembles it from the signed version,
 * the pharmacy's records and the county HIS, with a QR code of the verification page. Printing hides
 * the rest of the page.
 */
export function PrintablePrescription({ prescriptionId, onClose }: PrintablePrescriptionProps) {
  const { t } = useTranslation();
  const state = usePrescriptionSheet(prescriptionId);
  return createPortal(
    <div className="rx-print-root" role="dialog" aria-modal="true" aria-label={t('rx.print.title')} data-testid="rx-print">
      <div className="rx-print-toolbar">
        <button type="button" className="button button--primary" onClick={() => window.print()} disabled={state.status !== 'ready'} data-testid="rx-print-now">
          {t('rx.print.printNow')}
        </button>
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('rx.print.close')}
        </button>
      </div>
      {state.status === 'failed' ? <p className="notice notice--warning">{t('rx.loadFailed')}</p> : null}
      {state.status === 'loading' ? <p className="rx-print-loading" role="status">{t('rx.print.loading')}</p> : null}
      {state.status === 'ready' ? <PrescriptionSheetView sheet={state.sheet} qr={state.qr} /> : null}
    </div>,
    document.body,
  );
}
