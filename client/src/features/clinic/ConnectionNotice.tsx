import { useTranslation } from 'react-i18next';
import type { ClinicChannelState } from '../../media/clinic-channel';

/** Says so when live updates are interrupted (the list may be out of date until reconnected). */
export function ConnectionNotice({ state }: { state: ClinicChannelState }) {
  const { t } = useTranslation();
  if (state !== 'reconnecting' && state !== 'failed') return null;
  return (
    <p className="notice notice--warning" role="status" data-testid="clinic-connection">
      {t(`clinic.connection.${state}`)}
    </p>
  );
}
