import { useEffect, useState, useSyncExternalStore } from 'react';
import { newIdempotencyKey, prescriptionApi } from '../../api/prescription-api';
import { INITIAL_PAD, PadController, type PadSnapshot } from '../../features/prescription/pad-controller';
import { resolveMedications } from './medication-cache';
import { usePrescriptionChannel } from './usePrescriptionChannel';

const noSubscription = () => () => undefined;

/**
 * The prescription pad of one consultation: `{ state, pad }` where `pad` holds the actions
 * (edit, flush, sign, revise, startNew). Live: the pharmacist's decision arrives by socket push.
 */
export function usePrescriptionPad(consultationId: string): { state: PadSnapshot; pad: PadController | null } {
  const [pad, setPad] = useState<PadController | null>(null);
  const channel = usePrescriptionChannel();

  useEffect(() => {
    const controller = new PadController({
      list: () => prescriptionApi.listForConsultation(consultationId),
      create: (draft, key) => prescriptionApi.create(consultationId, draft, key),
      save: (id, req) => prescriptionApi.save(id, req),
      sign: (id, req, key) => prescriptionApi.sign(id, req, key),
      submit: (id, key) => prescriptionApi.submit(id, key),
      revise: (id) => prescriptionApi.revise(id),
      resolve: (view) => resolveMedications(view.items.map((i) => ({ medicationId: i.medicationId, code: i.code }))),
      newKey: newIdempotencyKey,
    });
    setPad(controller);
    void controller.start();
    const save = () => void controller.flush();
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      void controller.flush().finally(() => controller.dispose());
    };
  }, [consultationId]);

  useEffect(() => {
    if (!channel || !pad) return;
    return channel.watchConsultation(consultationId, (list) => void pad.applyServerList(list));
  }, [channel, pad, consultationId]);

  const state = useSyncExternalStore(pad ? pad.subscribe : noSubscription, pad ? pad.getSnapshot : () => INITIAL_PAD);
  return { state, pad };
}
