import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskIcon } from './KioskIcon';
import { useLoopbackCheck } from '../../hooks/clinic/useLoopbackCheck';
import { useCameraCheck, useConnectionCheck, useMicCheck, useSpeakerTest, type CheckStatus } from '../../hooks/clinic/useDeviceCheck';

interface DeviceCheckStepProps {
  onContinue(): void;
}

/**
 * Step 3: camera preview, microphone level, speaker tone, connection round trip, and the video sent
 * through the media server and back. A failed check blocks "continue" and says to call staff.
 */
export function DeviceCheckStep({ onContinue }: DeviceCheckStepProps) {
  const { t } = useTranslation();
  const camera = useCameraCheck();
  const mic = useMicCheck();
  const speaker = useSpeakerTest();
  const connection = useConnectionCheck();
  const loopback = useLoopbackCheck(camera.stream);
  const blocked = [camera.status, mic.status, connection.status, loopback.status, speaker.status].includes('failed');
  const back = loopback.result;
  const videoRef = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = camera.stream;
    if (camera.stream) void video.play().catch(() => undefined);
  }, [camera.stream]);

  const speakerStatus: CheckStatus | 'idle' = speaker.status === 'ok' ? 'ok' : speaker.status === 'failed' ? 'failed' : speaker.status === 'idle' ? 'idle' : 'pending';
  const net = connection.result;

  return (
    <section className="kiosk-step kiosk-devices" aria-labelledby="kiosk-devices-title">
      <h1 id="kiosk-devices-title" className="kiosk-step__title">
        {t('kiosk.devices.title')}
      </h1>
      <div className="kiosk-devices__grid">
        <CheckCard title={t('kiosk.devices.camera')} status={camera.status} hint={camera.failure ? t(`kiosk.devices.failure.${camera.failure}`) : t('kiosk.devices.cameraHint')} testId="check-camera">
          <video ref={videoRef} className="kiosk-devices__preview" muted playsInline autoPlay aria-label={t('kiosk.devices.cameraPreview')} />
          {camera.status === 'failed' ? (
            <button type="button" className="button button--secondary" onClick={camera.retry}>
              {t('kiosk.devices.retry')}
            </button>
          ) : null}
        </CheckCard>

        <CheckCard title={t('kiosk.devices.microphone')} status={mic.status} hint={mic.failure ? t(`kiosk.devices.failure.${mic.failure}`) : mic.heard ? t('kiosk.devices.micHeard') : t('kiosk.devices.micHint')} testId="check-microphone">
          <div
            className="level-meter"
            role="meter"
            aria-label={t('kiosk.devices.micLevel')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(mic.level * 100)}
          >
            <span className="level-meter__bar" style={{ width: `${Math.round(mic.level * 100)}%` }} />
          </div>
          {mic.status === 'failed' ? (
            <button type="button" className="button button--secondary" onClick={mic.retry}>
              {t('kiosk.devices.retry')}
            </button>
          ) : null}
        </CheckCard>

        <CheckCard title={t('kiosk.devices.speaker')} status={speakerStatus} hint={t(`kiosk.devices.speakerHint.${speaker.status}`)} testId="check-speaker">
          {speaker.status === 'asking' ? (
            <div className="kiosk-devices__answer">
              <button type="button" className="button button--primary" onClick={() => speaker.confirm(true)}>
                {t('kiosk.devices.heard')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => speaker.confirm(false)}>
                {t('kiosk.devices.notHeard')}
              </button>
            </div>
          ) : (
            <button type="button" className="button button--secondary" disabled={speaker.status === 'playing'} onClick={speaker.play} data-testid="speaker-test">
              <KioskIcon name="speaker" size={32} /> {t('kiosk.devices.playTone')}
            </button>
          )}
        </CheckCard>

        <CheckCard
          title={t('kiosk.devices.network')}
          status={connection.status}
          hint={
            net === null
              ? t('kiosk.devices.networkChecking')
              : net.ok
                ? t(`kiosk.devices.quality.${net.quality}`, { ms: net.rttMs })
                : t(`kiosk.devices.networkFailure.${net.reason}`)
          }
          testId="check-network"
        >
          {connection.status === 'failed' ? (
            <button type="button" className="button button--secondary" onClick={connection.retry}>
              {t('kiosk.devices.retry')}
            </button>
          ) : null}
        </CheckCard>
        <CheckCard
          title={t('kiosk.devices.loopback')}
          status={camera.status === 'failed' ? 'idle' : loopback.status}
          hint={
            back === null
              ? t('kiosk.devices.loopbackChecking')
              : back.ok
                ? t('kiosk.devices.loopbackOk', { rtt: back.rttMs ?? '—', loss: back.lossPct, kbps: back.kbps })
                : t(`kiosk.devices.loopbackFailure.${back.reason}`)
          }
          testId="check-loopback"
        >
          {loopback.status === 'failed' ? (
            <button type="button" className="button button--secondary" onClick={loopback.retry}>
              {t('kiosk.devices.retry')}
            </button>
          ) : null}
        </CheckCard>
      </div>
      {blocked ? (
        <p className="kiosk-devices__blocked" role="alert" data-testid="device-check-blocked">
          {t('kiosk.devices.askStaff')}
        </p>
      ) : null}
      <button type="button" className="button button--primary kiosk-button--huge" data-testid="device-check-continue" onClick={onContinue} disabled={blocked}>
        {t('kiosk.devices.continue')}
      </button>
    </section>
  );
}

interface CheckCardProps {
  title: string;
  status: CheckStatus | 'idle';
  hint: string;
  testId: string;
  children?: ReactNode;
}

function CheckCard({ title, status, hint, testId, children }: CheckCardProps) {
  const { t } = useTranslation();
  const mark = status === 'ok' ? '✓' : status === 'failed' ? '✗' : status === 'pending' ? '…' : '○';
  return (
    <div className={`check-card check-card--${status}`} data-testid={testId} data-status={status}>
      <h2 className="check-card__title">
        <span className="check-card__mark" aria-hidden="true">
          {mark}
        </span>
        {title}
        <span className="sr-only">{t(`kiosk.devices.status.${status}`)}</span>
      </h2>
      {children}
      <p className="check-card__hint" aria-live="polite">
        {hint}
      </p>
    </div>
  );
}
