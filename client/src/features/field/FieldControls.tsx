import { useTranslation } from 'react-i18next';
import { useRoomContext } from '../../hooks/room/RoomContext';
import { Icon } from '../room/icons';
import type { LinkOverride } from './link-mode';
import type { UseLinkGuard } from './useLinkGuard';

const OVERRIDES: readonly LinkOverride[] = ['auto', 'video', 'audio'];

/**
 * The field doctor's bottom bar, always on screen: the link mode (auto / video / audio only), then
 * microphone, camera, front/rear and leave — large touch targets, a `pending` toggle disabled mid-way.
 */
export function FieldControls({ link, onLeave }: { link: UseLinkGuard; onLeave: () => void }) {
  const { t } = useTranslation();
  const { state, actions } = useRoomContext();
  const { microphone, camera, audioOnly } = state.local;
  const facing = state.local.facingMode ?? 'environment';
  return (
    <div className="field-bar" role="toolbar" aria-label={t('room.controls.toolbar')} data-testid="field-controls">
      <div className="field-segmented" role="radiogroup" aria-label={t('fieldRoom.linkMode')}>
        {OVERRIDES.map((o) => (
          <button key={o} type="button" role="radio" aria-checked={link.override === o} onClick={() => link.setOverride(o)} data-testid={`link-override-${o}`}>
            {t(`fieldRoom.override.${o}`)}
          </button>
        ))}
      </div>
      <div className="field-bar__buttons">
        <button
          type="button"
          className={`field-bar__button${microphone.on ? '' : ' field-bar__button--off'}`}
          aria-pressed={microphone.on}
          disabled={microphone.pending}
          onClick={() => actions.setMicEnabled(!microphone.on)}
          data-testid="field-mic"
        >
          <Icon name={microphone.on ? 'mic' : 'micOff'} size={22} />
          <span>{microphone.on ? t('fieldRoom.micOn') : t('fieldRoom.micOff')}</span>
        </button>
        <button
          type="button"
          className={`field-bar__button${camera.on ? '' : ' field-bar__button--off'}`}
          aria-pressed={camera.on}
          disabled={camera.pending || audioOnly}
          onClick={() => actions.setCameraEnabled(!camera.on)}
          data-testid="field-camera"
        >
          <Icon name={camera.on ? 'camera' : 'cameraOff'} size={22} />
          <span>{camera.on ? t('fieldRoom.cameraOn') : t('fieldRoom.cameraOff')}</span>
        </button>
        <button
          type="button"
          className="field-bar__button"
          disabled={camera.pending || audioOnly || !camera.on}
          onClick={() => actions.setFacingMode(facing === 'environment' ? 'user' : 'environment')}
          data-testid="field-flip"
        >
          <Icon name="flip" size={22} />
          <span>{facing === 'environment' ? t('fieldRoom.toFront') : t('fieldRoom.toRear')}</span>
        </button>
        <button type="button" className="field-bar__button field-bar__button--leave" onClick={onLeave} data-testid="field-leave">
          <Icon name="leave" size={22} />
          <span>{t('room.controls.leave')}</span>
        </button>
      </div>
    </div>
  );
}
