import { useTranslation } from 'react-i18next';
import type { Participant, RemoteTrackState } from '../../state/room-store';
import { participantRoleKey } from './participant-labels';
import { VideoTrack } from './VideoTrack';

interface ExtraVideoTileProps {
  participant: Participant;
  track: RemoteTrackState;
  kind: 'screen' | 'camera2';
}

/** A participant's screen share or second camera, shown in full (not cropped). */
export function ExtraVideoTile({ participant: p, track, kind }: ExtraVideoTileProps) {
  const { t } = useTranslation();
  const title = kind === 'screen' ? t('room.tile.screenOf', { name: p.displayName }) : t('room.tile.camera2Of', { name: p.displayName });
  return (
    <figure className={`tile tile--${kind}`} data-peer-role={p.participantRole} aria-label={title}>
      <VideoTrack
        track={track.track}
        consumerId={track.consumerId}
        testId={kind === 'screen' ? 'remote-screen' : 'remote-camera2'}
        role={p.participantRole}
        fit="contain"
        label={title}
      />
      <figcaption className="tile__caption">
        <span className={`tile__role tile__role--${p.participantRole}`}>{t(participantRoleKey(p.participantRole))}</span>
        <span className="tile__name">{title}</span>
      </figcaption>
    </figure>
  );
}
