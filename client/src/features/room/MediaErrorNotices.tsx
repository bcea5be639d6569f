import type { MediaSource } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { useRoomContext } from '../../hooks/room/RoomContext';
import type { MediaFailure } from '../../media/media-errors';
import { sourceKey } from './participant-labels';

/** Camera / microphone / screen failures, each with what the user can do about it. */
export function MediaErrorNotices() {
  const { t } = useTranslation();
  const { state, actions } = useRoomContext();
  const failures = Object.values(state.mediaErrors).filter((f): f is MediaFailure => f !== undefined);
  if (failures.length === 0) return null;
  return (
    <ul className="room-media-errors" aria-live="polite">
      {failures.map((f) => (
        <li key={f.source} className="room-media-error" role="alert" data-testid="media-error" data-kind={f.kind} data-source={f.source}>
          <span>{t(f.hintKey, { device: t(sourceKey(f.source)) })}</span>
          <button type="button" className="room-media-error__dismiss" aria-label={t('room.mediaErrors.dismiss')} onClick={() => actions.dismissMediaError(f.source as MediaSource)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
