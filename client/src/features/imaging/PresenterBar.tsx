import { useTranslation } from 'react-i18next';
import type { SharedViewingClient, SharedViewingSnapshot } from './shared-viewing-client';

interface PresenterBarProps {
  snapshot: SharedViewingSnapshot;
  isPresenter: boolean;
  client: SharedViewingClient;
  onTake(): void;
}

/** Who drives the shared view, and the role controls: take, hand over, stop. */
export function PresenterBar({ snapshot, isPresenter, client, onTake }: PresenterBarProps) {
  const { t } = useTranslation();
  const presenter = snapshot.session.presenter;
  const others = snapshot.session.members.filter((m) => m.memberId !== snapshot.memberId && m.userId !== presenter?.userId);
  const status =
    snapshot.status === 'reconnecting'
      ? t('imaging.presenter.reconnecting')
      : snapshot.status === 'failed'
        ? t('imaging.presenter.failed')
        : isPresenter
          ? t('imaging.presenter.you')
          : presenter
            ? t('imaging.presenter.other', { name: presenter.displayName })
            : t('imaging.presenter.none');
  return (
    <div className={`imaging-presenter${isPresenter ? ' imaging-presenter--active' : presenter ? ' imaging-presenter--following' : ''}`} data-testid="imaging-presenter">
      <span className="imaging-presenter__status" role="status" data-testid="imaging-presenter-status">
        {status}
      </span>
      <span className="imaging-presenter__actions">
        {!isPresenter && snapshot.status === 'joined' ? (
          <button type="button" className="button button--primary imaging-button" disabled={snapshot.pending} onClick={onTake} data-testid="imaging-take-presenter">
            {t('imaging.presenter.take')}
          </button>
        ) : null}
        {isPresenter && others.length > 0 ? (
          <label className="imaging-presenter__handover">
            <span className="sr-only">{t('imaging.presenter.handOver')}</span>
            <select
              value=""
              disabled={snapshot.pending}
              onChange={(e) => e.target.value && void client.handOver(e.target.value)}
              data-testid="imaging-handover"
            >
              <option value="">{t('imaging.presenter.handOver')}</option>
              {others.map((m) => (
                <option key={m.memberId} value={m.memberId}>
                  {t('imaging.presenter.handOverTo', { name: m.displayName })}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {isPresenter ? (
          <button type="button" className="button button--secondary imaging-button" disabled={snapshot.pending} onClick={() => void client.release()} data-testid="imaging-release">
            {t('imaging.presenter.release')}
          </button>
        ) : null}
      </span>
    </div>
  );
}
