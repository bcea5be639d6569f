import type { PrescriptionSheet } from '@cloudclinic/shared';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { prescriptionApi } from '../../api/prescription-api';

/** The verification address printed as a QR code: a public page (no login) that checks the signature and the status. */
export function verificationUrl(prescriptionId: string): string {
  return `${window.location.origin}/verify/${encodeURIComponent(prescriptionId)}`;
}

export type SheetState = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; sheet: PrescriptionSheet; qr: string };

/** Loads the server's 处方笺 read model and draws the QR code of the verification page. */
export function usePrescriptionSheet(prescriptionId: string): SheetState {
  const [state, setState] = useState<SheetState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    void (async () => {
      try {
        const sheet = await prescriptionApi.sheet(prescriptionId, controller.signal);
        const qr = await QRCode.toDataURL(verificationUrl(prescriptionId), { errorCorrectionLevel: 'M', margin: 1, width: 160 });
        if (!controller.signal.aborted) setState({ status: 'ready', sheet, qr });
      } catch {
        if (!controller.signal.aborted) setState({ status: 'failed' });
      }
    })();
    return () => controller.abort();
  }, [prescriptionId]);
  return state;
}
