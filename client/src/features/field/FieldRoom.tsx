import type { AudioOnlyCause } from '@cloudclinic/shared';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/LoadingState';
import { useMediaTrack } from '../../hooks/room/useMediaTrack';
import { RoomProvider } from '../../hooks/room/RoomContext';
import { useRoom } from '../../hooks/room/useRoom';
import { useCurrentUser } from '../../hooks/useSession';
import { MarksCanvas } from '../annotations/MarksCanvas';
import { useMarksReceiver } from '../annotations/useMarks';
import { ConnectionBanner } from '../room/ConnectionBanner';
import { ConnectionStatus } from '../room/ConnectionStatus';
import { MediaErrorNotices } from '../room/MediaErrorNotices';
import { ParticipantTile } from '../room/ParticipantTile';
import { QualityIndicator } from '../room/QualityIndicator';
import { RemoteAudio } from '../room/RemoteAudio';
import { RoomEndedNotice } from '../room/RoomEndedNotice';
import { useVitalsStreamer } from '../vitals/useVitalsStreamer';
import { fieldApi } from './field-api';
import { FieldControls } from './FieldControls';
import { FieldLinkNotice } from './FieldLinkNotice';
import { FieldMonitor } from './FieldMonitor';
import { useLinkGuard } from './useLinkGuard';
import '../../styles/room.css';
import '../../styles/field-room.css';

/**
 * The field doctor's consultation on a phone (standing in for 5G+AR glasses): the experts across the
 * width, the rear camera with the experts' marks over it — what the AR display would show —, the
 * monitor with its alarms, and a bottom bar that never scrolls away. Audio-only comes automatically
 * on a collapsing link or by the doctor's choice, and says which.
 */
export function FieldRoom({ consultationId, onLeave }: { consultationId: string; onLeave: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const room = useRoom({ consultationId }, { profile: 'field', facingMode: 'environment' });
  const { state, actions, data } = room;
  const setAudioOnly = useCallback((on: boolean, cause: AudioOnlyCause) => actions.setAudioOnly(on, cause), [actions]);
  const link = useLinkGuard(data, setAudioOnly, state.connection.state === 'connected');
  const upload = useCallback((readings: Parameters<typeof fieldApi.uploadVitals>[1]) => fieldApi.uploadVitals(consultationId, readings), [consultationId]);
  const vitals = useVitalsStreamer(data, upload);
  const marks = useMarksReceiver(
    data,
    user?.id ?? null,
    state.participants.filter((p) => p.participantRole === 'expert').map((p) => p.peerId),
  );
  const video = useRef<HTMLVideoElement>(null);
  const camera = state.local.camera.track;
  useMediaTrack(video, camera);
  const connecting = state.connection.state === 'connecting';
  const leave = () => {
    actions.leave();
    onLeave();
  };

  return (
    <RoomProvider room={room}>
      <section className="field-room" aria-label={t('fieldRoom.title')} data-connection={state.connection.state}>
        <div className="field-room__status" data-testid="field-status">
          <ConnectionStatus />
          <QualityIndicator />
          <span
            className={`field-room__mode field-room__mode--${link.mode}`}
            data-testid="link-mode"
            data-mode={link.mode}
            data-cause={link.cause}
            data-auto={link.auto}
            data-rtt={link.sample?.rttMs ?? undefined}
            data-loss={link.sample?.lossRatio ?? undefined}
            data-kbps={link.sample?.availableOutgoingKbps ?? undefined}
            role="status"
          >
            {link.mode === 'audio' ? t('fieldRoom.audioOnly') : t('fieldRoom.video')}
          </span>
        </div>
        <ConnectionBanner />
        {state.ended ? (
          <RoomEndedNotice onBack={onLeave} />
        ) : (
          <>
            <div className="field-room__body">
              <div className="field-room__side">
                <FieldLinkNotice link={link} />
                <div className="field-room__experts" data-count={state.participants.length}>
                  {state.participants.map((p) => (
                    <ParticipantTile key={p.peerId} participant={p} audioOnly={state.local.audioOnly} />
                  ))}
                  {state.participants.length === 0 ? (
                    <div className="field-room__waiting">{connecting ? <LoadingState label={t('fieldRoom.connecting')} /> : <p>{t('room.waiting')}</p>}</div>
                  ) : null}
                </div>
                <MediaErrorNotices />
                <FieldMonitor vitals={vitals} />
              </div>
              <div className="field-room__view">
                {camera ? (
                  <video ref={video} className="field-room__video" autoPlay playsInline muted data-testid="field-local-video" aria-label={t('fieldRoom.ownView')} />
                ) : (
                  <p className="field-room__placeholder">{link.mode === 'audio' ? t('room.tile.audioOnly') : t('room.tile.cameraOff')}</p>
                )}
                <MarksCanvas marks={marks.marks} video={video} testId="ar-overlay" label={t('fieldRoom.marks')} dataRev={marks.rev} />
              </div>
            </div>
            <FieldControls link={link} onLeave={leave} />
          </>
        )}
        <RemoteAudio />
      </section>
    </RoomProvider>
  );
}
