import { useTranslation } from 'react-i18next';
import { useRoomContext } from '../../hooks/room/RoomContext';

/** Explains an interrupted connection while the room recovers by itself (retry offered once failed). */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { state, actions } = useRoomContext();
  const { state: connection, reason } = state.connection;
  if (state.ended || connection === 'connected' || (connection === 'connecting' && !reason)) return null;
  const failed = connection === 'failed';
  return (
    <div className={`room-banner room-banner--${connection}`} role={failed ? 'alert' : 'status'} data-testid="connection-banner">
      <span className="room-banner__text">{t(`room.reason.${reason ?? 'rejoining'}`)}</span>
      {failed ? (
        <button type="button" className="button room-banner__retry" onClick={actions.retry}>
          {t('room.retry')}
        </button>
      ) : (
        <span className="room-banner__spinner" aria-hidden="true" />
      )}
    </div>
  );
}
