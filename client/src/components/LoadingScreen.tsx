import { useTranslation } from 'react-i18next';

/** Suspense fallback while a lazily loaded area arrives. */
export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <div className="loading-screen" role="status" aria-live="polite">
      {t('app.loading')}
    </div>
  );
}
