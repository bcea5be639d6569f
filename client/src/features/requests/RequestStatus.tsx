import type { RequestStatus as Status } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';

/** A request's state as a badge (已提交 / 待确认时间 / 已安排 / 已拒绝 / 已撤回). */
export function RequestStatus({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`request-status request-status--${status}`} data-testid="request-status" data-status={status}>
      {t(`requests.status.${status}`)}
    </span>
  );
}
