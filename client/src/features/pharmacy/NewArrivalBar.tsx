import { useTranslation } from 'react-i18next';
import type { NewArrivalAlert } from '../../hooks/prescription/useNewArrivalAlert';

/** 新处方 N (shows them and clears the count), the sound toggle, and the polite announcement. */
export function NewArrivalBar({ alert, onShow }: { alert: NewArrivalAlert; onShow(): void }) {
  const { t } = useTranslation();
  const count = alert.fresh.size;
  return (
    <div className="rx-arrivals">
      {count > 0 ? (
        <button type="button" className="button button--primary clinic-button--small rx-arrivals__badge" onClick={onShow} data-testid="rx-new-badge" data-count={count}>
          {t('rx.review.newCount', { count })}
        </button>
      ) : null}
      <button
        type="button"
        className="button clinic-button--small"
        aria-pressed={!alert.muted}
        onClick={alert.toggleMute}
        data-testid="rx-sound"
        data-sounded={alert.sounded}
      >
        {alert.muted ? t('rx.review.soundOff') : t('rx.review.soundOn')}
      </button>
      <p className="sr-only" aria-live="polite" data-testid="rx-announce">
        {alert.announcement}
      </p>
    </div>
  );
}
