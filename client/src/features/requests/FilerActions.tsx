import type { ConsultationRequestView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { requestApi } from '../../api/request-api';
import { errorMessageKey } from '../../i18n/error-messages';
import { useAction } from '../account/use-action';
import { BusyButton } from '../../components/BusyButton';

/** The filer's answers: accept or refuse a proposed time, withdraw the request. */
export function FilerActions({ request: r, onChanged }: { request: ConsultationRequestView; onChanged(view: ConsultationRequestView): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const act = async (fn: () => Promise<ConsultationRequestView>) => {
    const view = await action.run(fn);
    if (view) onChanged(view);
  };
  if (!r.actions.includes('respond') && !r.actions.includes('cancel')) return null;
  return (
    <div className="request-card__actions">
      {r.actions.includes('respond') ? (
        <>
          <BusyButton className="button button--primary" busy={action.pending} onClick={() => void act(() => requestApi.respond(r.id, true))} data-testid="request-accept-time">
            {t('requests.mine.acceptTime')}
          </BusyButton>
          <BusyButton className="button button--secondary" busy={action.pending} onClick={() => void act(() => requestApi.respond(r.id, false))} data-testid="request-reject-time">
            {t('requests.mine.rejectTime')}
          </BusyButton>
        </>
      ) : null}
      {r.actions.includes('cancel') ? (
        <BusyButton className="button button--secondary" busy={action.pending} onClick={() => void act(() => requestApi.cancel(r.id))} data-testid="request-cancel">
          {t('requests.mine.cancel')}
        </BusyButton>
      ) : null}
      {action.errorCode ? (
        <p className="notice notice--warning" role="alert">
          {t(errorMessageKey(action.errorCode))}
        </p>
      ) : null}
    </div>
  );
}
