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
  const name = user?.displayName ?? t('room.you');
  const camera = local.camera.track;
  return (
    <figure className={`tile tile--local${speaking ? ' tile--speaking' : ''}`} data-testid="local-tile" data-muted={String(!local.microphone.on)} aria-label={t('room.tile.self', { name })}>
      {camera ? (
        <VideoTrack track={camera} testId="local-video" mirrored label={t('room.tile.self', { name })} />
      ) : (
        <div className="tile__placeholder">
          <span className="tile__avatar" aria-hidden="true">
            {initialsOf(name)}
          </span>
          <span className="tile__placeholder-text">{local.audioOnly ? t('room.tile.audioOnly') : t('room.tile.cameraOff')}</span>
        </div>
      )}
      <figcaption className="tile__caption">
        <span className="tile__name">{t('room.tile.self', { name })}</span>
        {!local.microphone.on ? (
          <span className="tile__muted" title={t('room.tile.muted')}>
            <Icon name="micOff" size={18} />
            <span className="room-sr-only">{t('room.tile.muted')}</span>
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
