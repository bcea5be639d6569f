import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMediaDevices } from '../../hooks/room/useMediaDevices';
import { useRoomContext } from '../../hooks/room/RoomContext';
import { DevicePicker } from './DevicePicker';
import { Icon, type IconName } from './icons';
import { pickSecondSource } from './second-source';

interface ToggleProps {
  testId: string;
  label: string;
  hint: string;
  pressed: boolean;
  disabled?: boolean;
  icon: IconName;
  onClick(): void;
  danger?: boolean;
}

/** An on/off control: constant accessible name, state in `aria-pressed`, `hint` says what a click does. */
function Toggle({ testId, label, hint, pressed, disabled, icon, onClick, danger }: ToggleProps) {
  return (
    <button
      type="button"
      className={`room-control${pressed ? ' room-control--on' : ''}${danger ? ' room-control--warn' : ''}`}
      data-testid={testId}
      aria-label={label}
      aria-pressed={pressed}
      title={hint}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
      <span className="room-control__label">{label}</span>
    </button>
  );
}

/** Toolbar keyboard pattern: ←/→ (and Home/End) move between the controls; Tab leaves the toolbar. */
function moveFocus(e: KeyboardEvent<HTMLDivElement>) {
  const keys = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];
  if (!keys.includes(e.key) || !(e.target instanceof HTMLButtonElement)) return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>(':scope > button:not(:disabled)')];
  const at = buttons.indexOf(e.target);
  const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : at + (e.key === 'ArrowRight' ? 1 : -1);
  const target = buttons[(next + buttons.length) % buttons.length];
  if (!target) return;
  e.preventDefault();
  target.focus();
}

/**
 * Microphone, camera, screen share, second video source, audio-only, devices, leave. Controls are
 * disabled mid-toggle. `patient` (the kiosk): microphone and leave only, large.
 */
export function ControlBar({ onLeave, patient = false }: { onLeave?: () => void; patient?: boolean }) {
  const { t } = useTranslation();
  const { state, actions } = useRoomContext();
  const { local } = state;
  const [devicesOpen, setDevicesOpen] = useState(false);
  const devices = useMediaDevices();
  const refreshDevices = devices.refresh;
  useEffect(() => refreshDevices(), [refreshDevices, local.camera.track]); // device ids are readable once a camera is open
  // Another device than the main camera when there is one; a specific one is chosen under "Devices".
  const camera2Device = pickSecondSource(devices.cameras, local.camera.track?.getSettings().deviceId ?? local.devices.videoinput);
  const devicesButton = useRef<HTMLButtonElement>(null);
  const closeDevices = () => {
    setDevicesOpen(false);
    devicesButton.current?.focus();
  };
  const ended = state.ended !== null;
  const leave = () => {
    actions.leave();
    onLeave?.();
  };
  return (
    <div className="room-controls">
      <div className={`room-controls__bar${patient ? ' room-controls__bar--patient' : ''}`} role="toolbar" aria-label={t('room.controls.toolbar')} onKeyDown={moveFocus}>
        <Toggle
          testId="btn-mic"
          label={t('room.controls.mic')}
          hint={local.microphone.on ? t('room.controls.micMute') : t('room.controls.micUnmute')}
          pressed={local.microphone.on}
          disabled={ended || local.microphone.pending}
          icon={local.microphone.on ? 'mic' : 'micOff'}
          danger={!local.microphone.on}
          onClick={() => actions.setMicEnabled(!local.microphone.on)}
        />
        {patient ? null : (
          <>
        <Toggle
          testId="btn-camera"
          label={t('room.controls.camera')}
          hint={local.camera.on ? t('room.controls.cameraOff') : t('room.controls.cameraOn')}
          pressed={local.camera.on}
          disabled={ended || local.camera.pending || local.audioOnly}
          icon={local.camera.on ? 'camera' : 'cameraOff'}
          danger={!local.camera.on}
          onClick={() => actions.setCameraEnabled(!local.camera.on)}
        />
        <Toggle
          testId="btn-share"
          label={t('room.controls.share')}
          hint={local.screen.on ? t('room.controls.shareStop') : t('room.controls.shareStart')}
          pressed={local.screen.on}
          disabled={ended || local.screen.pending || local.audioOnly}
          icon="screen"
          onClick={() => (local.screen.on ? actions.stopScreenShare() : actions.startScreenShare())}
        />
        <Toggle
          testId="btn-camera2"
          label={t('room.controls.camera2')}
          hint={local.camera2.on ? t('room.controls.camera2Stop') : t('room.controls.camera2Start')}
          pressed={local.camera2.on}
          disabled={ended || local.camera2.pending || local.audioOnly || (!local.camera2.on && camera2Device === null)}
          icon="camera"
          onClick={() => actions.publishSecondCamera(local.camera2.on ? null : camera2Device)}
        />
        <Toggle
          testId="btn-audio-only"
          label={t('room.controls.audioOnly')}
          hint={t('room.controls.audioOnlyHint')}
          pressed={local.audioOnly}
          disabled={ended}
          icon="audio"
          onClick={() => actions.setAudioOnly(!local.audioOnly)}
        />
        <button
          ref={devicesButton}
          type="button"
          className="room-control"
          data-testid="btn-devices"
          aria-label={t('room.controls.devices')}
          aria-expanded={devicesOpen}
          aria-controls="room-device-picker"
          disabled={ended}
          onClick={() => setDevicesOpen((open) => !open)}
        >
          <Icon name="settings" />
          <span className="room-control__label">{t('room.controls.devices')}</span>
        </button>
          </>
        )}
        <button type="button" className="room-control room-control--leave" data-testid="btn-leave" aria-label={t('room.controls.leave')} onClick={leave}>
          <Icon name="leave" />
          <span className="room-control__label">{t('room.controls.leave')}</span>
        </button>
      </div>
      {devicesOpen ? <DevicePicker id="room-device-picker" onClose={closeDevices} /> : null}
    </div>
  );
}
