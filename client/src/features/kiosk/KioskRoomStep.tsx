import type { KioskAppointmentView } from '@cloudclinic/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RoomView } from '../room/RoomView';

interface KioskRoomStepProps {
  appointment: KioskAppointmentView & { consultationId: string };
  /** The visible call-out ("请 王*国 进入云诊室"), shown while it is spoken. */
  callOut: string | null;
}

/** Step 5: the video visit, entered automatically when called. Leaving by mistake can be undone. */
export function KioskRoomStep({ appointment, callOut }: KioskRoomStepProps) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(false);
  return (
    <section className="kiosk-step kiosk-room" aria-label={t('kiosk.room.title')}>
      <p className="kiosk-callout" role="alert" data-testid="kiosk-callout">
        {callOut ?? ''}
      </p>
      {left ? (
        <div className="kiosk-room__left">
          <p>{t('kiosk.room.left')}</p>
          <button type="button" className="button button--primary kiosk-button--huge" onClick={() => setLeft(false)} data-testid="kiosk-rejoin">
            {t('kiosk.room.rejoin')}
          </button>
        </div>
      ) : (
        <RoomView key={appointment.consultationId} consultationId={appointment.consultationId} controls="patient" onLeave={() => setLeft(true)} />
      )}
    </section>
  );
}
