import type { AppointmentStatus } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';

/** Coloured appointment status; colour is never the only cue (the word is always there). */
export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`} data-testid="status-badge">
      {t(`clinic.status.${status}`)}
    </span>
  );
}
