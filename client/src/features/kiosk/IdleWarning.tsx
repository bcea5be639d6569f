import { useTranslation } from 'react-i18next';

/** "还在吗？ N 秒后返回首页" with a big 继续: any touch also keeps the patient's place. */
export function IdleWarning({ secondsLeft, onKeepGoing }: { secondsLeft: number; onKeepGoing(): void }) {
  const { t } = useTranslation();
  return (
    <div className="kiosk-idle" role="alertdialog" aria-modal="true" aria-labelledby="kiosk-idle-title" aria-describedby="kiosk-idle-countdown" data-testid="kiosk-idle">
      <div className="kiosk-idle__box">
        <h2 id="kiosk-idle-title" className="kiosk-idle__title">
          {t('kiosk.idle.title')}
        </h2>
        <p id="kiosk-idle-countdown" className="kiosk-idle__countdown" data-testid="kiosk-idle-countdown" data-seconds={secondsLeft}>
          {t('kiosk.idle.countdown', { seconds: secondsLeft })}
        </p>
        <button type="button" className="button button--primary kiosk-button--huge" onClick={onKeepGoing} data-testid="kiosk-idle-continue" autoFocus>
          {t('kiosk.idle.keepGoing')}
        </button>
      </div>
    </div>
  );
}
