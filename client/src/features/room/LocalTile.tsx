import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../hooks/useSession';
import { useRoomContext } from '../../hooks/room/RoomContext';
import { Icon } from './icons';
import { initialsOf } from './participant-labels';
import { VideoTrack } from './VideoTrack';

/** This user's own camera (mirrored, as in a mirror) with their mute state. */
export function LocalTile() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { local, activeSpeakerId, selfPeerId } = useRoomContext().state;
  const speaking = selfPeerId !== null && activeSpeakerId === selfPeerId;
  // A kiosk's account name (嵊泗县人民医院 云诊室1) means nothing to the patient in front of it: 您 / You.
  const kiosk = user?.role === 'kiosk';
  const name = kiosk ? t('kiosk.room.self') : (user?.displayName ?? t('room.you'));
  const label = kiosk ? name : t('room.tile.self', { name });
  const camera = local.camera.track;
  return (
    <figure className={`tile tile--local${speaking ? ' tile--speaking' : ''}`} data-testid="local-tile" data-muted={String(!local.microphone.on)} aria-label={label}>
      {camera ? (
        <VideoTrack track={camera} testId="local-video" mirrored label={label} />
      ) : (
        <div className="tile__placeholder">
          <span className="tile__avatar" aria-hidden="true">
            {initialsOf(name)}
          </span>
          <span className="tile__placeholder-text">{local.audioOnly ? t('room.tile.audioOnly') : t('room.tile.cameraOff')}</span>
        </div>
      )}
      <figcaption className="tile__caption">
        <span className="tile__name">{label}</span>
        {!local.microphone.on ? (
          <span className="tile__muted" title={t('room.tile.muted')}>
            <Icon name="micOff" size={18} />
            <span className="sr-only">{t('room.tile.muted')}</span>
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
