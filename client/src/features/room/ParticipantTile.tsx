import { useTranslation } from 'react-i18next';
import type { Participant } from '../../state/room-store';
import { Icon } from './icons';
import { initialsOf, participantRoleKey } from './participant-labels';
import { VideoTrack } from './VideoTrack';

interface ParticipantTileProps {
  participant: Participant;
  /** No video received in audio-only mode: show the placeholder instead. */
  audioOnly: boolean;
}

/** A remote participant's camera: name, role (专家 / 患者(诊室) / …), institution, speaking ring, mute icon. */
export function ParticipantTile({ participant: p, audioOnly }: ParticipantTileProps) {
  const { t } = useTranslation();
  const role = t(participantRoleKey(p.participantRole));
  const camera = p.tracks.camera;
  const showVideo = camera && !p.cameraOff && !audioOnly;
  return (
    <figure
      className={`tile${p.speaking ? ' tile--speaking' : ''}`}
      data-testid="participant-tile"
      data-peer-role={p.participantRole}
      data-muted={String(p.audioMuted)}
      data-camera-off={String(p.cameraOff)}
      data-speaking={String(p.speaking)}
      aria-label={t('room.tile.participant', { name: p.displayName, role, institution: p.institutionName })}
    >
      {showVideo ? (
        <VideoTrack track={camera.track} consumerId={camera.consumerId} testId="remote-video" role={p.participantRole} label={t('room.tile.videoOf', { name: p.displayName })} />
      ) : (
        <div className="tile__placeholder" data-testid="camera-off">
          <span className="tile__avatar" aria-hidden="true">
            {initialsOf(p.displayName)}
          </span>
          <span className="tile__placeholder-text">{audioOnly ? t('room.tile.audioOnly') : t('room.tile.cameraOff')}</span>
        </div>
      )}
      <figcaption className="tile__caption">
        <span className={`tile__role tile__role--${p.participantRole}`}>{role}</span>
        <span className="tile__name">{p.displayName}</span>
        <span className="tile__institution">{p.institutionName}</span>
        {p.audioMuted ? (
          <span className="tile__muted" title={t('room.tile.muted')} data-testid="muted-icon">
            <Icon name="micOff" size={18} />
            <span className="room-sr-only">{t('room.tile.muted')}</span>
          </span>
        ) : null}
        {p.speaking ? <span className="room-sr-only">{t('room.tile.speaking')}</span> : null}
      </figcaption>
    </figure>
  );
}
