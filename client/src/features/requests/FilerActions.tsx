import type { ConsultationRequestView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { requestApi } from '../../api/request-api';
import { errorMessageKey } from '../../i18n/error-messages';
import { useAction } from '../account/use-action';

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
          <button type="button" className="button button--primary" disabled={action.pending} onClick={() => void act(() => requestApi.respond(r.id, true))} data-testid="request-accept-time">
            {t('requests.mine.acceptTime')}
          </button>
          <button type="button" className="button button--secondary" disabled={action.pending} onClick={() => void act(() => requestApi.respond(r.id, false))} data-testid="request-reject-time">
            {t('requests.mine.rejectTime')}
          </button>
        </>
      ) : null}
      {r.actions.includes('cancel') ? (
        <button type="button" className="button button--secondary" disabled={action.pending} onClick={() => void act(() => requestApi.cancel(r.id))} data-testid="request-cancel">
          {t('requests.mine.cancel')}
        </button>
      ) : null}
      {action.errorCode ? (
        <p className="notice notice--warning" role="alert">
          {t(errorMessageKey(action.errorCode))}
        </p>
      ) : null}
    </div>
  );
}
