import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudioLevel } from '../../hooks/room/useAudioLevel';
import { useMediaDevices } from '../../hooks/room/useMediaDevices';
import { useRoomContext } from '../../hooks/room/RoomContext';
import { VideoTrack } from './VideoTrack';

interface DeviceSelectProps {
  label: string;
  devices: MediaDeviceInfo[];
  value: string | null;
  emptyLabel: string;
  onChange(deviceId: string | null): void;
  testId: string;
}

function DeviceSelect({ label, devices, value, emptyLabel, onChange, testId }: DeviceSelectProps) {
  const id = useId();
  return (
    <div className="device-picker__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} data-testid={testId} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{emptyLabel}</option>
        {devices.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `${label} ${i + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Camera and microphone choice with a live camera preview and microphone meter; Esc closes it. */
export function DevicePicker({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation();
  const { state, actions } = useRoomContext();
  const { local } = state;
  const devices = useMediaDevices();
  const level = useAudioLevel(local.microphone.track);
  const panel = useRef<HTMLDivElement>(null);
  const refresh = devices.refresh;

  useEffect(() => panel.current?.focus(), []);
  useEffect(() => refresh(), [refresh, local.camera.track, local.microphone.track]); // labels are readable once a device is open

  const choose = (kind: 'audioinput' | 'videoinput', deviceId: string | null) => {
    devices.select(kind, deviceId);
    actions.switchDevice(kind, deviceId);
  };

  return (
    <div
      id={id}
      ref={panel}
      className="device-picker"
      role="dialog"
      aria-label={t('room.devices.title')}
      tabIndex={-1}
      data-testid="device-picker"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h2 className="device-picker__title">{t('room.devices.title')}</h2>
      <div className="device-picker__preview">
        {local.camera.track ? (
          <VideoTrack track={local.camera.track} testId="device-preview" mirrored label={t('room.devices.preview')} />
        ) : (
          <p className="device-picker__no-preview">{t('room.devices.noPreview')}</p>
        )}
      </div>
      <DeviceSelect
        label={t('room.devices.camera')}
        devices={devices.cameras}
        value={devices.selected.videoinput}
        emptyLabel={t('room.devices.default')}
        onChange={(deviceId) => choose('videoinput', deviceId)}
        testId="select-camera"
      />
      <DeviceSelect
        label={t('room.devices.microphone')}
        devices={devices.microphones}
        value={devices.selected.audioinput}
        emptyLabel={t('room.devices.default')}
        onChange={(deviceId) => choose('audioinput', deviceId)}
        testId="select-microphone"
      />
      <meter className="device-picker__meter" min={0} max={1} value={level} aria-label={t('room.devices.micLevel')} />
      <DeviceSelect
        label={t('room.devices.secondCamera')}
        devices={devices.cameras}
        value={local.camera2.deviceId}
        emptyLabel={t('room.devices.none')}
        onChange={(deviceId) => actions.publishSecondCamera(deviceId)}
        testId="select-camera2"
      />
      <button type="button" className="button button--primary" onClick={onClose}>
        {t('room.devices.close')}
      </button>
    </div>
  );
}
