import { useTranslation } from 'react-i18next';
import type { RxChannelState } from '../prescription/prescription-channel';

/** 在线 / 连接中断，正在重连… for the pharmacist: always shown, so a silent queue is never mistaken for an empty one. */
export function ConnectionIndicator({ state }: { state: RxChannelState }) {
  const { t } = useTranslation();
  const tone = state === 'connected' ? 'ok' : state === 'failed' ? 'bad' : 'warn';
  return (
    <p className={`rx-live rx-live--${tone}`} role="status" data-testid="rx-connection" data-state={state}>
      <span className="rx-live__dot" aria-hidden="true" />
      {t(`rx.review.connection.${state}`)}
    </p>
  );
}
