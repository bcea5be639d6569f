import type { AppointmentView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { consentState } from './queue-model';

/** Telemedicine consent of a queue row: agreed, declined, or not answered (never callable). */
export function ConsentBadge({ appointment }: { appointment: Pick<AppointmentView, 'consents'> }) {
  const { t } = useTranslation();
  const state = consentState(appointment);
  return (
    <span className={`consent-badge consent-badge--${state}`} data-testid="consent-badge" data-consent={state}>
      {t(`clinic.consent.${state}`)}
    </span>
  );
}
