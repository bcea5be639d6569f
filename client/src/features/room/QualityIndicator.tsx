import { useTranslation } from 'react-i18next';
import { useRoomContext } from '../../hooks/room/RoomContext';

const BARS = { unknown: 0, poor: 1, fair: 2, good: 3 } as const;

/** Link quality from the transports' stats (RTT and packet loss), as three bars and a label. */
export function QualityIndicator() {
  const { t } = useTranslation();
  const { quality } = useRoomContext().state;
  const label = t('room.quality.label', { quality: t(`room.quality.${quality}`) });
  return (
    <span className={`room-quality room-quality--${quality}`} role="img" aria-label={label} title={label} data-testid="connection-quality" data-quality={quality}>
      {[1, 2, 3].map((bar) => (
        <span key={bar} className={`room-quality__bar${bar <= BARS[quality] ? ' room-quality__bar--on' : ''}`} style={{ height: `${bar * 4 + 2}px` }} />
      ))}
    </span>
  );
}
