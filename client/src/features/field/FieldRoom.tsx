import { VITALS_SCENARIOS, VitalsScenarioSchema } from '@cloudclinic/shared';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
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
import { useLinkGuard, type LinkOverride } from './useLinkGuard';
import '../../styles/room.css';
import '../../styles/field-room.css';

const OVERRIDES: readonly LinkOverride[] = ['auto', 'video', 'audio'];

/**
 * The field doctor's consultation (phone standing in for 5G+AR glasses): the rear camera full
 * screen with the experts' marks over it — what the AR display would show —, the experts small,
 * automatic audio-only on a collapsing link (with a manual override), and the monitor streamed.
 */
export function FieldRoom({ consultationId, onLeave }: { consultationId: string; onLeave: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const room = useRoom(consultationId, { profile: 'field', facingMode: 'environment' });
  const { state, actions, data } = room;
  const setAudioOnly = useCallback((on: boolean) => actions.setAudioOnly(on), [actions]);
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
  const facing = state.local.facingMode ?? 'environment';
  const leave = () => {
    actions.leave();
    onLeave();
  };

  return (
    <RoomProvider room={room}>
      <section className="field-room" aria-label={t('fieldRoom.title')} data-connection={state.connection.state}>
        <div className="field-room__status">
          <ConnectionStatus />
          <QualityIndicator />
          <span
            className={`field-room__mode field-room__mode--${link.mode}`}
            data-testid="link-mode"
            data-mode={link.mode}
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
            <div className="field-room__view">
              {camera ? (
                <video ref={video} className="field-room__video" autoPlay playsInline muted data-testid="field-local-video" aria-label={t('fieldRoom.ownView')} />
              ) : (
                <p className="field-room__placeholder">{link.mode === 'audio' ? t('fieldRoom.audioOnlyHint') : t('room.tile.cameraOff')}</p>
              )}
              <MarksCanvas marks={marks.marks} video={video} testId="ar-overlay" label={t('fieldRoom.marks')} dataRev={marks.rev} />
              <div className="field-room__experts">
                {state.participants.map((p) => (
                  <ParticipantTile key={p.peerId} participant={p} audioOnly={state.local.audioOnly} />
                ))}
                {state.participants.length === 0 ? <p className="field-room__waiting">{t('room.waiting')}</p> : null}
              </div>
            </div>
            <MediaErrorNotices />
            <div className="field-room__controls" role="toolbar" aria-label={t('room.controls.toolbar')}>
              <button
                type="button"
                className={`field-button${state.local.microphone.on ? '' : ' field-button--warn'}`}
                aria-pressed={state.local.microphone.on}
                disabled={state.local.microphone.pending}
                onClick={() => actions.setMicEnabled(!state.local.microphone.on)}
                data-testid="field-mic"
              >
                {state.local.microphone.on ? t('fieldRoom.micOn') : t('fieldRoom.micOff')}
              </button>
              <button
                type="button"
                className="field-button"
                disabled={state.local.camera.pending || state.local.audioOnly}
                onClick={() => actions.setFacingMode(facing === 'environment' ? 'user' : 'environment')}
                data-testid="field-flip"
              >
                {facing === 'environment' ? t('fieldRoom.toFront') : t('fieldRoom.toRear')}
              </button>
              <div className="field-segmented" role="radiogroup" aria-label={t('fieldRoom.linkMode')}>
                {OVERRIDES.map((o) => (
                  <button key={o} type="button" role="radio" aria-checked={link.override === o} onClick={() => link.setOverride(o)} data-testid={`link-override-${o}`}>
                    {t(`fieldRoom.override.${o}`)}
                  </button>
                ))}
              </div>
              <button type="button" className="field-button field-button--danger" onClick={leave} data-testid="field-leave">
                {t('room.controls.leave')}
              </button>
            </div>
            <div className="field-room__monitor" data-testid="field-monitor" data-numbers-sent={vitals.stats?.numbersSent ?? 0} data-ecg-sent={vitals.stats?.ecgSent ?? 0}>
              <label>
                {t('fieldRoom.monitor')}
                <select value={vitals.stats?.scenario ?? 'normal'} onChange={(e) => {
                    const s = VitalsScenarioSchema.safeParse(e.target.value);
                    if (s.success) vitals.setScenario(s.data);
                  }} data-testid="vitals-scenario">
                  {VITALS_SCENARIOS.map((s) => (
                    <option key={s} value={s}>
                      {t(`vitals.scenarios.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <span className="field-room__numbers">
                {t('vitals.hr')} {vitals.stats?.numbers?.hr ?? '—'} · SpO₂ {vitals.stats?.numbers?.spo2 ?? '—'}%
              </span>
              {vitals.pending > 0 ? <span className="field-room__pending">{t('fieldRoom.pendingReadings', { count: vitals.pending })}</span> : null}
            </div>
          </>
        )}
        <RemoteAudio />
      </section>
    </RoomProvider>
  );
}
