import type { KioskScreen } from '@cloudclinic/shared';
import { useCallback, useEffect, useState } from 'react';
import type { ClinicChannel } from '../../media/clinic-channel';

export type CallStaffState = 'idle' | 'sending' | 'sent' | 'failed';

/** 呼叫工作人员 over the kiosk's clinic socket; the answer stays on screen for a while, then clears. */
export function useCallStaff(channel: ClinicChannel | null, screen: KioskScreen): { state: CallStaffState; call(): void } {
  const [state, setState] = useState<CallStaffState>('idle');
  useEffect(() => {
    if (state !== 'sent' && state !== 'failed') return;
    const timer = setTimeout(() => setState('idle'), 20_000);
    return () => clearTimeout(timer);
  }, [state]);
  const call = useCallback(() => {
    if (!channel) {
      setState('failed');
      return;
    }
    setState('sending');
    channel.callStaff(screen).then(
      () => setState('sent'),
      () => setState('failed'),
    );
  }, [channel, screen]);
  return { state, call };
}
