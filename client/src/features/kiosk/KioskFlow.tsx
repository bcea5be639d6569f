import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useCallStaff } from '../../hooks/clinic/useCallStaff';
import { useClinicChannel, useClinicConnection } from '../../hooks/clinic/useClinicChannel';
import { useIdleReset } from '../../hooks/clinic/useIdleReset';
import { useKioskFlow } from '../../hooks/clinic/useKioskFlow';
import { spokenName, speakCallOut } from './call-out';
import { CheckInStep } from './CheckInStep';
import { ConsentStep } from './ConsentStep';
import { DeviceCheckStep } from './DeviceCheckStep';
import { idleResetApplies } from './idle-timer';
import { IdleWarning } from './IdleWarning';
import { isCalled, type KioskStep } from './kiosk-flow';
import { KioskRoomStep } from './KioskRoomStep';
import { KioskSteps } from './KioskSteps';
import { KioskTopBar } from './KioskTopBar';
import { SummaryStep } from './SummaryStep';
import { WaitingStep } from './WaitingStep';

/**
 * The kiosk screen: one step at a time, driven by `useKioskFlow`; 返回 and 呼叫工作人员 on every
 * screen; an abandoned check-in goes back to the start after a visible countdown.
 */
export function KioskFlow() {
  const { t, i18n } = useTranslation();
  const flow = useKioskFlow();
  const channel = useClinicChannel();
  const connection = useClinicConnection(channel);
  const { step, state } = flow;
  const appointment = state.appointment;
  const [callOut, setCallOut] = useState<string | null>(null);
  const [checkInDirty, setCheckInDirty] = useState(false);
  // Bumped to throw away every field of the screen (typed code, guardian name) on a reset.
  const [screenKey, setScreenKey] = useState(0);
  const previous = useRef<KioskStep>(step);
  const staff = useCallStaff(channel, step);
  const { reset } = flow;

  const startOver = useCallback(() => {
    reset();
    setCheckInDirty(false);
    setScreenKey((k) => k + 1);
  }, [reset]);
  const idle = useIdleReset(idleResetApplies(step, checkInDirty), startOver);

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

  const back = step === 'in-room' ? null : step === 'checkin' ? startOver : step === 'summary' ? startOver : flow.back;

  return (
    <div className="kiosk-flow" data-step={step} key={screenKey}>
      <KioskTopBar onBack={back} backDisabled={step === 'checkin' && !checkInDirty} staff={staff} />
      <KioskSteps step={step} />
      {step === 'checkin' ? <CheckInStep notice={state.notice} onCheckIn={flow.checkIn} onDirtyChange={setCheckInDirty} /> : null}
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
      {step === 'summary' && appointment ? <SummaryStep appointment={appointment} onDone={startOver} /> : null}
      {idle.secondsLeft !== null ? <IdleWarning secondsLeft={idle.secondsLeft} onKeepGoing={idle.keepGoing} /> : null}
    </div>
  );
}
