import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../i18n/error-messages';

/** A failed load: the localized reason and a retry button. */
export function LoadError({ code, onRetry }: { code: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="load-error" role="alert">
      <p>{t(errorMessageKey(code))}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('clinic.retry')}
        </button>
      ) : null}
    </div>
  );
}
