import type { ConsultationRequestView, RequestListQuery } from '@cloudclinic/shared';
import { useCallback, useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { requestApi } from '../../api/request-api';
import type { ClinicChannelState } from '../../media/clinic-channel';
import { useClinicChannel, useClinicConnection } from '../clinic/useClinicChannel';

export interface LiveRequests {
  requests: ConsultationRequestView[] | null;
  errorCode: string | null;
  connection: ClinicChannelState;
  /** Replace one request by the view an action returned (before its push arrives). */
  update(view: ConsultationRequestView): void;
}

/**
 * The 远程会诊申请 this user may see, live: loaded over REST at once, then kept current by
 * `requests.watch` / `requests.changed` on the shared clinic socket. Filters apply on the screen.
 */
export function useRequestList(filter: RequestListQuery = {}): LiveRequests {
  const channel = useClinicChannel();
  const connection = useClinicConnection(channel);
  const [requests, setRequests] = useState<ConsultationRequestView[] | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    requestApi.list({}, controller.signal).then(
      (list) => !controller.signal.aborted && setRequests((current) => current ?? list),
      (err: unknown) => !controller.signal.aborted && setErrorCode(toApiError(err).code),
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (!channel) return;
    return channel.watchRequests({
      onData: (list) => {
        setRequests(list);
        setErrorCode(null);
      },
      onError: (err) => setErrorCode(err.code),
    });
  }, [channel]);

  const update = useCallback(
    (view: ConsultationRequestView) => setRequests((list) => (list?.some((r) => r.id === view.id) ? list.map((r) => (r.id === view.id ? view : r)) : [view, ...(list ?? [])])),
    [],
  );
  const shown = requests?.filter((r) => (!filter.status || r.status === filter.status) && (!filter.urgency || r.urgency === filter.urgency)) ?? null;
  return { requests: shown, errorCode, connection, update };
}
