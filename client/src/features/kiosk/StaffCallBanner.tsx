import type { KioskStaffCall } from '@cloudclinic/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinicChannel } from '../../hooks/clinic/useClinicChannel';

/**
 * On the county staff's screens: a kiosk of their institution asks for help (呼叫工作人员). The server
 * sends it only to that institution's county doctors and admins; it stays until acknowledged.
 */
export function StaffCallBanner() {
  const { t } = useTranslation();
  const channel = useClinicChannel();
  const [calls, setCalls] = useState<KioskStaffCall[]>([]);
  useEffect(() => channel?.onStaffCall((call) => setCalls((list) => [...list.filter((c) => c.kioskId !== call.kioskId), call])), [channel]);
  if (calls.length === 0) return null;
  return (
    <div className="notice staff-call" role="alert" data-testid="staff-call-banner">
      {calls.map((c) => (
        <p key={c.kioskId} data-testid="staff-call" data-kiosk-id={c.kioskId}>
          {t('kiosk.help.incoming', { kiosk: c.kioskName, screen: t(`kiosk.steps.${c.screen}`), time: new Date(c.calledAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }) })}{' '}
          <button type="button" className="button button--secondary" onClick={() => setCalls((list) => list.filter((x) => x.kioskId !== c.kioskId))} data-testid="staff-call-ack">
            {t('kiosk.help.ack')}
          </button>
        </p>
      ))}
    </div>
  );
}
