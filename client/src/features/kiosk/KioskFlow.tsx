import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useClinicChannel, useClinicConnection } from '../../hooks/clinic/useClinicChannel';
import { useKioskFlow } from '../../hooks/clinic/useKioskFlow';
import { spokenName, speakCallOut } from './call-out';
import { CheckInStep } from './CheckInStep';
import { ConsentStep } from './ConsentStep';
import { DeviceCheckStep } from './DeviceCheckStep';
import { isCalled, type KioskStep } from './kiosk-flow';
import { KioskRoomStep } from './KioskRoomStep';
import { KioskSteps } from './KioskSteps';
import { SummaryStep } from './SummaryStep';
import { WaitingStep } from './WaitingStep';

/** The kiosk screen: one step at a time, driven by `useKioskFlow`. */
export function KioskFlow() {
  const { t, i18n } = useTranslation();
  const flow = useKioskFlow();
  const connection = useClinicConnection(useClinicChannel());
  const { step, state } = flow;
  const appointment = state.appointment;
  const [callOut, setCallOut] = useState<string | null>(null);
  const previous = useRef<KioskStep>(step);

  // Called while waiting: say it aloud (Mandarin, whatever the screen language) and show it.
  useEffect(() => {
    const before = previous.current;
    previous.current = step;
    if (step !== 'in-room' || before === 'in-room' || before === 'checkin' || !appointment) return;
    const zh = i18n.getFixedT('zh-CN');
    speakCallOut(zh('kiosk.callOut.speech', { number: appointment.queueNumber, name: spokenName(appointment.patientLabel) }));
    setCallOut(t('kiosk.callOut.text', { name: appointment.patientLabel }));
  }, [step, appointment, i18n, t]);

  useEffect(() => {
    if (!callOut) return;
    const timer = setTimeout(() => setCallOut(null), 15_000);
    return () => clearTimeout(timer);
  }, [callOut]);

  if (flow.resuming) return <LoadingScreen />;

  return (
    <div className="kiosk-flow" data-step={step}>
      <KioskSteps step={step} />
      {step === 'checkin' ? <CheckInStep notice={state.notice} onCheckIn={flow.checkIn} /> : null}
      {step === 'consent' && appointment ? <ConsentStep appointment={appointment} onAccept={flow.giveConsent} onDecline={() => void flow.declineConsent()} /> : null}
      {step === 'device-check' ? <DeviceCheckStep onContinue={flow.deviceCheckDone} /> : null}
      {step === 'waiting' && appointment ? (
        <WaitingStep
          appointment={appointment}
          offline={connection === 'reconnecting' || connection === 'failed'}
          onFinish={() => flow.reset(appointment.status === 'cancelled' ? 'cancelled' : null)}
        />
      ) : null}
      {step === 'in-room' && appointment && isCalled(appointment) ? <KioskRoomStep appointment={appointment} callOut={callOut} /> : null}
      {step === 'summary' && appointment ? <SummaryStep appointment={appointment} onDone={() => flow.reset()} /> : null}
    </div>
  );
}
