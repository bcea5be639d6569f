import type { ConsultationRequestView } from '@cloudclinic/shared';
import { URGENT_RESPONSE_MINUTES } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../hooks/clinic/useNow';
import { responseClock } from './request-model';

/** Minutes since an urgent request was filed, until the province answers; overdue after the limit. */
export function ResponseClockBadge({ request }: { request: ConsultationRequestView }) {
  const { t } = useTranslation();
  const clock = responseClock(request, useNow(15_000));
  if (!clock) return null;
  return (
    <span className={`response-clock${clock.overdue ? ' response-clock--overdue' : ''}`} data-testid="response-clock" data-overdue={String(clock.overdue)} role="timer">
      {clock.overdue ? t('requests.clock.overdue', { minutes: clock.minutes, limit: URGENT_RESPONSE_MINUTES }) : t('requests.clock.waiting', { minutes: clock.minutes })}
    </span>
  );
}
