import { useTranslation } from 'react-i18next';
import { useElapsed } from '../../hooks/room/useElapsed';
import { FLOW_TIMINGS } from '../../media/media-flow';
import type { Participant, RemoteTrackState } from '../../state/room-store';
import { deviceProblem } from './device-problem';
import { Icon } from './icons';
import { initialsOf, participantRoleKey } from './participant-labels';
import { remoteVideoNote, remoteVideoNoteKey } from './remote-video-state';
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
  const showVideo = camera && !p.cameraOff && !audioOnly && !p.dropped;
  const longAgo = useElapsed(FLOW_TIMINGS.startTimeoutMs);
  const flow = p.dropped ? 'dropped' : tileFlow(p, showVideo ? camera : undefined, longAgo);
  const note = remoteVideoNote(p, audioOnly);
  const micProblem = deviceProblem(p.devices?.microphone);
  return (
    <figure
      className={`tile${p.speaking ? ' tile--speaking' : ''}`}
      data-testid="participant-tile"
      data-peer-role={p.participantRole}
      data-muted={String(p.audioMuted)}
      data-camera-off={String(p.cameraOff)}
      data-speaking={String(p.speaking)}
      data-camera-status={p.devices?.camera ?? 'unknown'}
      data-mic-status={p.devices?.microphone ?? 'unknown'}
      data-audio-only={p.devices?.audioOnly ?? 'no'}
      data-video-note={showVideo ? 'none' : note}
      data-media={flow ?? 'flowing'}
      aria-label={t('room.tile.participant', { name: p.displayName, role, institution: p.institutionName })}
    >
      {showVideo ? (
        <VideoTrack track={camera.track} consumerId={camera.consumerId} testId="remote-video" role={p.participantRole} fit="contain" label={t('room.tile.videoOf', { name: p.displayName })} />
      ) : (
        <div className="tile__placeholder" data-testid="camera-off">
          <span className="tile__avatar" aria-hidden="true">
            {initialsOf(p.displayName)}
          </span>
          {note === 'connecting' && flow ? null : (
            <span className="tile__placeholder-text" data-testid="tile-camera-state">
              {t(remoteVideoNoteKey(note))}
            </span>
          )}
        </div>
      )}
      {flow ? (
        <div className={`tile__flow tile__flow--${flow}`} data-testid="tile-media-state" role="status">
          {flow === 'connecting' || flow === 'dropped' ? <span className="room-banner__spinner" aria-hidden="true" /> : null}
          {flow === 'dropped' ? t(p.participantRole === 'patient_kiosk' ? 'room.tile.flow.patientDropped' : 'room.tile.flow.dropped', { role }) : t(`room.tile.flow.${flow}`)}
        </div>
      ) : null}
      <figcaption className="tile__caption">
        <span className={`tile__role tile__role--${p.participantRole}`}>{role}</span>
        <span className="tile__name">{p.displayName}</span>
        <span className="tile__institution">{p.institutionName}</span>
        {p.audioMuted ? (
          <span className="tile__muted" title={t('room.tile.muted')} data-testid="muted-icon">
            <Icon name="micOff" size={18} />
            <span className="sr-only">{t('room.tile.muted')}</span>
          </span>
        ) : null}
        {micProblem ? (
          <span className="tile__device-problem" data-testid="tile-mic-state" role="status">
            {t(`room.tile.microphone.${micProblem}`)}
          </span>
        ) : null}
        {p.speaking ? <span className="sr-only">{t('room.tile.speaking')}</span> : null}
      </figcaption>
    </figure>
  );
}

/**
 * What the tile must say about media that is not arriving (null: nothing to say). The shown video
 * decides when there is one; otherwise the microphone; a participant with no track at all is
 * "connecting" at first, then "nothing received" — never silently "camera off".
 */
export function tileFlow(p: Participant, video: RemoteTrackState | undefined, longAgo: boolean): 'connecting' | 'failed' | 'stalled' | 'noMedia' | null {
  const watched = video ?? (p.audioMuted ? undefined : p.tracks.microphone);
  if (watched) return watched.flow === 'flowing' ? null : watched.flow;
  if (Object.keys(p.tracks).length > 0) return null;
  // Their browser said it sends nothing (off, refused, absent): the device state says why, not "connecting".
  if (p.devices && p.devices.camera !== 'on' && p.devices.microphone !== 'on') return null;
  return longAgo ? 'noMedia' : 'connecting';
}
