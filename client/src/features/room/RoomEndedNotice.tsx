import { useTranslation } from 'react-i18next';
import { useRoomContext } from '../../hooks/room/RoomContext';

/** Why the room is over (left, replaced by another window, not a participant, ended…). */
export function RoomEndedNotice({ onBack }: { onBack?: () => void }) {
  const { t } = useTranslation();
  const { ended } = useRoomContext().state;
  if (!ended) return null;
  const problem = ended.reason !== 'left';
  return (
    <div className="room-ended" role={problem ? 'alert' : 'status'} data-testid={problem ? 'room-error' : 'room-left'} data-reason={ended.reason}>
      <p className="room-ended__message">{t(`room.ended.${ended.reason}`)}</p>
      {onBack ? (
        <button type="button" className="button button--primary" onClick={onBack}>
          {t('room.back')}
        </button>
      ) : null}
    </div>
  );
}
