import { useTranslation } from 'react-i18next';
import { useRoomContext } from '../../hooks/room/RoomContext';

/**
 * Explains a connection that is not (yet) carrying media while the room recovers by itself: joined
 * but media still starting, media that never started (with what to try and a retry that re-creates
 * the transports), or an interruption. Retry is offered whenever waiting alone may not help.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { state, actions } = useRoomContext();
  const { state: connection, reason } = state.connection;
  if (state.ended || connection === 'connected' || (connection === 'connecting' && !reason)) return null;
  const blocked = reason === 'media_blocked';
  const offerRetry = connection === 'failed' || blocked;
  return (
    <div
      className={`room-banner room-banner--${blocked ? 'failed' : connection}`}
      role={offerRetry ? 'alert' : 'status'}
      data-testid="connection-banner"
      data-reason={reason ?? 'rejoining'}
    >
      <span className="room-banner__text">
        {t(`room.reason.${reason ?? 'rejoining'}`)}
        {blocked ? (
          <>
            <span className="room-banner__hint">{t('room.blocked.hintUser')}</span>
            <span className="room-banner__hint room-banner__hint--admin">{t('room.blocked.hintAdmin')}</span>
          </>
        ) : null}
      </span>
      {offerRetry ? (
        <button type="button" className="button room-banner__retry" onClick={actions.retry} data-testid="connection-retry">
          {t('room.retry')}
        </button>
      ) : (
        <span className="room-banner__spinner" aria-hidden="true" />
      )}
    </div>
  );
}
