import type { Verification } from '@cloudclinic/shared';
import { useEffect, useState } from 'react';
import { prescriptionApi } from '../../api/prescription-api';

/** The server's verification of a prescription's signature (re-checked when its version or status changes). */
export function useVerification(prescriptionId: string, version: number, status: string): Verification | null | 'failed' {
  const [result, setResult] = useState<Verification | null | 'failed'>(null);
  useEffect(() => {
    if (version === 0) return;
    const controller = new AbortController();
    setResult(null);
    prescriptionApi.verify(prescriptionId, controller.signal).then(
      (v) => setResult(v),
      () => {
        if (!controller.signal.aborted) setResult('failed');
      },
    );
    return () => controller.abort();
  }, [prescriptionId, version, status]);
  return result;
}
