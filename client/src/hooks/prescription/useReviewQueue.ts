import type { DispenseRequest, PrescriptionView } from '@cloudclinic/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { newIdempotencyKey, prescriptionApi } from '../../api/prescription-api';
import type { RxChannelState } from '../../features/prescription/prescription-channel';
import { usePrescriptionChannel } from './usePrescriptionChannel';
import { usePrescriptionConnection } from './usePrescriptionConnection';

export interface ReviewQueue {
  prescriptions: PrescriptionView[];
  loading: boolean;
  errorCode: string | null;
  /** The live socket's state (在线 / 正在重连). */
  connection: RxChannelState;
  /** Id of the prescription an action is running on (its buttons are disabled). */
  pending: string | null;
  /** Per prescription: the last action's error code. */
  actionErrors: Record<string, string>;
  /** Approve, acknowledging each overridden warning by its finding id. */
  approve(id: string, acknowledged: readonly string[], password: string): Promise<void>;
  reject(id: string, reason: string): Promise<void>;
  dispense(id: string, req: DispenseRequest): Promise<void>;
}

/**
 * The county pharmacist's live review queue (socket push, like the clinic queue) with the review
 * actions; each action keeps its idempotency key until it succeeds, so a retry never acts twice.
 */
export function useReviewQueue(): ReviewQueue {
  const channel = usePrescriptionChannel();
  const connection = usePrescriptionConnection(channel);
  const [prescriptions, setPrescriptions] = useState<PrescriptionView[]>([]);
  const [loading, setLoading] = useState(true);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [actionErrors, setActionErrors] = useState<Record<string, string>>({});
  const keys = useRef(new Map<string, string>());

  useEffect(() => {
    const controller = new AbortController();
    prescriptionApi.reviewQueue(controller.signal).then(
      (list) => {
        setPrescriptions(list);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setErrorCode(toApiError(err).code);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (!channel) return;
    const offError = channel.onError((code) => setErrorCode(code));
    const off = channel.watchQueue((list) => {
      setPrescriptions(list);
      setErrorCode(null);
      setLoading(false);
    });
    return () => {
      off();
      offError();
    };
  }, [channel]);

  const act = useCallback(async (id: string, action: string, run: (key: string) => Promise<PrescriptionView>) => {
    const name = `${action}:${id}`;
    let key = keys.current.get(name);
    if (!key) keys.current.set(name, (key = newIdempotencyKey()));
    setPending(id);
    try {
      const view = await run(key);
      keys.current.delete(name);
      setPrescriptions((list) => list.map((p) => (p.id === id ? view : p)));
      setActionErrors(({ [id]: _, ...rest }) => rest);
    } catch (err) {
      setActionErrors((e) => ({ ...e, [id]: toApiError(err).code }));
    } finally {
      setPending(null);
    }
  }, []);

  return {
    prescriptions,
    loading,
    errorCode,
    connection,
    pending,
    actionErrors,
    approve: (id, acknowledged, password) => act(id, 'approve', (key) => prescriptionApi.approve(id, { password, note: '', acknowledged }, key)),
    reject: (id, reason) => act(id, 'reject', (key) => prescriptionApi.reject(id, reason, key)),
    dispense: (id, req) => act(id, 'dispense', (key) => prescriptionApi.dispense(id, req, key)),
  };
}
