import type { PrescriptionStatus } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';

/** The prescription's workflow status, e.g. 待审核 (test hook `rx-status`). */
export function RxStatusBadge({ status }: { status: PrescriptionStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`rx-status rx-status--${status}`} data-testid="rx-status" data-status={status}>
      {t(`rx.status.${status}`)}
    </span>
  );
}
