import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../api/api-error';
import { errorMessageKey } from '../../i18n/error-messages';

/** Codes retrying cannot fix: access is decided by the server per consultation. */
const FINAL: readonly ApiErrorCode[] = ['forbidden', 'not_found', 'unauthorized'];

/** The record could not be loaded at all: say why, that the consultation goes on, and offer a retry. */
export function RecordError({ code, onRetry }: { code: ApiErrorCode; onRetry(): void }) {
  const { t } = useTranslation();
  const message =
    code === 'upstream_unavailable'
      ? t('record.error.upstream')
      : code === 'unavailable'
        ? t('record.error.notConfigured')
        : code === 'forbidden'
          ? t('record.error.forbidden')
          : code === 'not_found'
            ? t('record.error.notFound')
            : t('record.error.other', { reason: t(errorMessageKey(code)) });
  return (
    <div className={`his-error his-error--${code === 'forbidden' ? 'final' : 'retry'}`} role="alert" data-testid="his-error" data-code={code}>
      <p className="his-error__title">{message}</p>
      {code === 'upstream_unavailable' ? <p className="his-error__hint">{t('record.error.upstreamHint')}</p> : null}
      {FINAL.includes(code) ? null : (
        <button type="button" className="button button--secondary" onClick={onRetry} data-testid="his-retry">
          {t('record.retry')}
        </button>
      )}
    </div>
  );
}
