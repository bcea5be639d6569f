import { useTranslation } from 'react-i18next';
import { useRoomContext } from '../../hooks/room/RoomContext';

/**
 * Always-present connection state: a localized pill for people, and the raw state
 * (`connecting | connected | reconnecting | failed`) in a visually hidden test hook. Changes are
 * announced by `ConnectionBanner`, not here.
 */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const { state } = useRoomContext().state.connection;
  return (
    <span className={`room-status room-status--${state}`}>
      <span className="room-status__dot" aria-hidden="true" />
      {t(`room.connection.${state}`)}
      <span className="sr-only" data-testid="connection-state">
        {state}
      </span>
    </span>
  );
}
