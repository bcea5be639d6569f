import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecord } from '../../hooks/record/useRecord';
import { errorMessageKey } from '../../i18n/error-messages';
import { RecordError } from './RecordError';
import { RecordSkeleton } from './RecordSkeleton';
import { RecordView } from './RecordView';
import '../../styles/record.css';

/** The patient's county HIS record beside the video (read-only; every read is audited by the server). */
export function RecordPanel({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { state, actions } = useRecord(consultationId);
  const ready = state.status === 'ready' ? state : null;

  return (
    <section className="his-record" aria-labelledby={titleId} aria-busy={state.status === 'loading' || Boolean(ready?.refreshing)} data-testid="his-record" data-state={state.status}>
      <div className="his-record__bar">
        <h2 id={titleId} className="his-record__title">
          {t('record.title')}
        </h2>
        {ready ? (
          <button type="button" className="button button--secondary his-record__refresh" onClick={actions.refresh} disabled={ready.refreshing} data-testid="his-refresh">
            {ready.refreshing ? t('record.refreshing') : t('record.refresh')}
          </button>
        ) : null}
      </div>
      {ready?.refreshError ? (
        <p className="his-notice his-notice--warning" role="status" data-testid="his-refresh-error">
          {ready.refreshError === 'upstream_unavailable' ? t('record.refreshFailedHis') : t('record.refreshFailed', { reason: t(errorMessageKey(ready.refreshError)) })}
        </p>
      ) : null}
      {state.status === 'loading' ? <RecordSkeleton /> : null}
      {state.status === 'error' ? <RecordError code={state.code} onRetry={actions.retry} /> : null}
      {ready ? <RecordView model={ready.model} pending={ready.refreshing} onRetry={actions.refresh} /> : null}
    </section>
  );
}
