import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../hooks/useSession';
import type { Participant, RemoteTrackState } from '../../state/room-store';
import { Camera2Marks } from './Camera2Marks';
import { participantRoleKey } from './participant-labels';
import { VideoTrack } from './VideoTrack';

interface ExtraVideoTileProps {
  participant: Participant;
  track: RemoteTrackState;
  kind: 'screen' | 'camera2';
}

/** A participant's screen share or second camera, shown in full (not cropped); an expert can mark the second camera. */
export function ExtraVideoTile({ participant: p, track, kind }: ExtraVideoTileProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const video = useRef<HTMLVideoElement>(null);
  const annotate = kind === 'camera2' && user?.role === 'expert';
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
        videoRef={video}
      />
      {annotate ? <Camera2Marks participant={p} video={video} /> : null}
      <figcaption className="tile__caption">
        <span className={`tile__role tile__role--${p.participantRole}`}>{t(participantRoleKey(p.participantRole))}</span>
        <span className="tile__name">{title}</span>
      </figcaption>
    </figure>
  );
}
