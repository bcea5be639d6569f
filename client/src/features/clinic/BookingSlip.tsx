import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { BookingSlipContent, type BookingSlipProps } from './BookingSlipContent';
import '../../styles/booking-slip.css';

/**
 * The slip after a booking: shown under the form, and a copy outside the app's layout that is hidden on
 * screen and is the only thing printed (print CSS), so 打印 gives the patient one small page.
 */
export function BookingSlip(props: BookingSlipProps) {
  const { t } = useTranslation();
  return (
    <div className="slip" role="status" data-testid="booking-slip" data-appointment-id={props.appointment.id}>
      <BookingSlipContent {...props} prefix="slip" />
      <button type="button" className="button button--primary slip__print" onClick={() => window.print()} data-testid="slip-print">
        {t('admin.slip.print')}
      </button>
      {createPortal(
        <article className="slip-print-root" aria-hidden="true" data-testid="booking-slip-print">
          <BookingSlipContent {...props} prefix="slip-print" />
        </article>,
        document.body,
      )}
    </div>
  );
}
