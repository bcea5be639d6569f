import type { Attachables, ConsultationRequestView, RequestUrgency } from '@cloudclinic/shared';
import { useState } from 'react';
import { toApiError } from '../../api/api-error';
import { requestApi } from '../../api/request-api';
import { useAction } from '../../features/account/use-action';
import { isoToLocal, localToIso } from '../../features/requests/request-model';
import type { LocalWindow } from '../../features/requests/TimeWindows';

export interface RequestDraft {
  hisPatientId: string;
  summary: string;
  question: string;
  urgency: RequestUrgency;
  departmentId: string;
  expertIds: string[];
  times: LocalWindow[];
  studyUids: string[];
  reportIds: string[];
}

const HOUR = 3600_000;
const fresh = (): RequestDraft => ({
  hisPatientId: '',
  summary: '',
  question: '',
  urgency: 'routine',
  departmentId: '',
  expertIds: [],
  times: [{ from: isoToLocal(Date.now() + HOUR), to: isoToLocal(Date.now() + 3 * HOUR) }],
  studyUids: [],
  reportIds: [],
});

/** The 发起远程会诊 form's state: the patient's attachables, the draft, and filing it. */
export function useRequestDraft(onFiled: (r: ConsultationRequestView) => void) {
  const [draft, setDraft] = useState<RequestDraft>(fresh);
  const [attachables, setAttachables] = useState<{ patient: string; list: Attachables } | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const submit = useAction();
  const set = (patch: Partial<RequestDraft>) => setDraft((d) => ({ ...d, ...patch }));

  /** Loads what can be attached for the typed HIS id (this also checks the patient is this hospital's). */
  const lookUp = async () => {
    const patient = draft.hisPatientId.trim();
    if (!patient) return;
    setLooking(true);
    setLookupError(null);
    try {
      setAttachables({ patient, list: await requestApi.attachables(patient) });
      set({ studyUids: [], reportIds: [] });
    } catch (err) {
      setAttachables(null);
      setLookupError(toApiError(err).code);
    } finally {
      setLooking(false);
    }
  };

  const file = async () => {
    const filed = await submit.run(() =>
      requestApi.file({
        hisPatientId: draft.hisPatientId.trim(),
        summary: draft.summary,
        question: draft.question,
        urgency: draft.urgency,
        ...(draft.departmentId ? { departmentId: draft.departmentId } : {}),
        expertIds: draft.expertIds,
        preferredTimes: draft.times.map((w) => ({ from: localToIso(w.from) ?? w.from, to: localToIso(w.to) ?? w.to })),
        studyUids: draft.studyUids,
        reportIds: draft.reportIds,
      }),
    );
    if (!filed) return;
    setDraft(fresh());
    setAttachables(null);
    onFiled(filed);
  };

  const ready = attachables !== null && attachables.patient === draft.hisPatientId.trim();
  return { draft, set, attachables: ready ? attachables.list : null, lookUp, looking, lookupError, file, pending: submit.pending, errorCode: submit.errorCode };
}
