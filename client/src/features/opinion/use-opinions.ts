import type { ConsultationOpinions } from '@cloudclinic/shared';
import { useEffect } from 'react';
import { opinionApi } from '../../api/opinion-api';
import { useResource } from '../../hooks/clinic/useResource';
import { useReloadingAction } from '../../hooks/useReloadingAction';

/** How often the opinions are re-read, so each signer's status shows up on every screen. */
const POLL_MS = 3000;

export interface OpinionsState {
  data: ConsultationOpinions | null;
  loading: boolean;
  errorCode: string | null;
  /** The last action's failure (ApiError code), cleared by the next action. */
  actionError: string | null;
  pending: boolean;
  run(action: () => Promise<unknown>): Promise<boolean>;
  reload(): void;
}

/** The consultation's opinions, re-read every few seconds, and a runner for the actions on them. */
export function useOpinions(consultationId: string): OpinionsState {
  const res = useResource(consultationId, (signal) => opinionApi.list(consultationId, signal));
  const { reload } = res;
  const { pending, actionError, run } = useReloadingAction(reload);

  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  return { data: res.data, loading: res.loading && !res.data, errorCode: res.errorCode, actionError, pending, run, reload };
}
