import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoomContext } from '../../hooks/room/RoomContext';
import { DevicePicker } from './DevicePicker';
import { Icon, type IconName } from './icons';

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

/** Microphone, camera, screen share, audio-only, devices, leave. Controls are disabled mid-toggle. */
export function ControlBar({ onLeave }: { onLeave?: () => void }) {
  const { t } = useTranslation();
  const { state, actions } = useRoomContext();
  const { local } = state;
  const [devicesOpen, setDevicesOpen] = useState(false);
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
      <div className="room-controls__bar" role="toolbar" aria-label={t('room.controls.toolbar')} onKeyDown={moveFocus}>
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
        <button type="button" className="room-control room-control--leave" data-testid="btn-leave" aria-label={t('room.controls.leave')} onClick={leave}>
          <Icon name="leave" />
          <span className="room-control__label">{t('room.controls.leave')}</span>
        </button>
      </div>
      {devicesOpen ? <DevicePicker id="room-device-picker" onClose={closeDevices} /> : null}
    </div>
  );
}
