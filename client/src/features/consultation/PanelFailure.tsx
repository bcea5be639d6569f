import { useTranslation } from 'react-i18next';

/** What a consultation panel shows after it failed to render: the call is unaffected, and a retry. */
export function PanelFailure({ name, onRetry }: { name: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="panel-failure" role="alert" data-testid={`panel-error-${name}`}>
      <p className="panel-failure__message">{t('consultation.panelFailed')}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t('consultation.panelRetry')}
      </button>
    </div>
  );
}
