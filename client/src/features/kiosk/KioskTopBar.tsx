import { useTranslation } from 'react-i18next';
import type { CallStaffState } from '../../hooks/clinic/useCallStaff';
import { BusyButton } from '../../components/BusyButton';

interface KioskTopBarProps {
  /** Null: no way back on this screen (the video visit has its own leave button). */
  onBack: (() => void) | null;
  backDisabled?: boolean;
  staff: { state: CallStaffState; call(): void };
}

/** On every screen: 返回 on the left, 呼叫工作人员 on the right, with what became of the call. */
export function KioskTopBar({ onBack, backDisabled, staff }: KioskTopBarProps) {
  const { t } = useTranslation();
  return (
    <div className="kiosk-topbar">
      {onBack ? (
        <button type="button" className="button button--secondary kiosk-topbar__back" onClick={onBack} disabled={backDisabled} aria-label={t('kiosk.nav.backLabel')} data-testid="kiosk-back">
          ‹ {t('kiosk.nav.back')}
        </button>
      ) : (
        <span />
      )}
      <p className="kiosk-topbar__status" role="status" data-testid="kiosk-help-status" data-state={staff.state}>
        {staff.state === 'sent' ? t('kiosk.help.sent') : staff.state === 'failed' ? t('kiosk.help.failed') : ''}
      </p>
      <BusyButton className="button kiosk-topbar__help" onClick={staff.call} busy={staff.state === 'sending'} data-testid="kiosk-call-staff">
        {t('kiosk.help.call')}
      </BusyButton>
    </div>
  );
}
