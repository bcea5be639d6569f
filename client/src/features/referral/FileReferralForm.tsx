import { ExamTypeSchema, REFERRAL_LIMITS, ReferralKindSchema, type ExamType, type ReferralKind, type RequestUrgency } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { referralApi } from '../../api/referral-api';
import { requestApi } from '../../api/request-api';
import { useResource } from '../../hooks/clinic/useResource';
import { AttachmentPicker } from '../requests/AttachmentPicker';
import type { ReferralsState } from './use-referrals';

/**
 * 发起上转: the provincial department, what for (an exam names its type), the reason, urgency, a
 * summary, and the patient's studies and reports to send along (each marked 互认 or not on arrival).
 */
export function FileReferralForm({ consultationId, state }: { consultationId: string; state: ReferralsState }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const options = useResource('options', (signal) => requestApi.options(signal));
  const [departmentId, setDepartmentId] = useState('');
  const [kind, setKind] = useState<ReferralKind>('exam');
  const [examType, setExamType] = useState<ExamType>('ct');
  const [urgency, setUrgency] = useState<RequestUrgency>('routine');
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState('');
  const attachables = useResource(`attachables:${consultationId}`, (signal) => referralApi.attachables(consultationId, signal));
  const [studyUids, setStudyUids] = useState<string[]>([]);
  const [reportIds, setReportIds] = useState<string[]>([]);
  const en = i18n.language.startsWith('en');
  const ready = departmentId !== '' && reason.trim().length >= 2 && summary.trim().length >= 10;

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const body = { departmentId, kind, ...(kind === 'exam' ? { examType } : {}), reason, urgency, summary, studyUids, reportIds };
    if (await state.run(() => referralApi.file(consultationId, body))) {
      setReason('');
      setSummary('');
      setStudyUids([]);
      setReportIds([]);
    }
  }

  return (
    <form className="referral-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} data-testid="referral-form">
      <h3 id={`${id}-title`}>{t('referral.fileTitle')}</h3>
      <label className="field__label" htmlFor={`${id}-dept`}>
        {t('referral.department')}
      </label>
      <select id={`${id}-dept`} className="field__input" value={departmentId} onChange={(e) => setDepartmentId(e.target.value)} required data-testid="referral-department">
        <option value="">—</option>
        {(options.data?.departments ?? []).map((d) => (
          <option key={d.id} value={d.id}>
            {d.institutionName} {en ? d.nameEn : d.name}
          </option>
        ))}
      </select>
      <label className="field__label" htmlFor={`${id}-kind`}>
        {t('referral.kind')}
      </label>
      <select id={`${id}-kind`} className="field__input" value={kind} onChange={(e) => setKind(ReferralKindSchema.parse(e.target.value))} data-testid="referral-kind-select">
        {ReferralKindSchema.options.map((k) => (
          <option key={k} value={k}>
            {t(`referral.kinds.${k}`)}
          </option>
        ))}
      </select>
      {kind === 'exam' ? (
        <>
          <label className="field__label" htmlFor={`${id}-exam`}>
            {t('referral.examType')}
          </label>
          <select id={`${id}-exam`} className="field__input" value={examType} onChange={(e) => setExamType(ExamTypeSchema.parse(e.target.value))} data-testid="referral-exam">
            {ExamTypeSchema.options.map((x) => (
              <option key={x} value={x}>
                {t(`referral.exams.${x}`)}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <fieldset className="referral-form__urgency">
        <legend>{t('referral.urgency')}</legend>
        {(['routine', 'urgent'] as const).map((u) => (
          <label key={u}>
            <input type="radio" name={`${id}-urgency`} checked={urgency === u} onChange={() => setUrgency(u)} /> {t(`referral.urgencies.${u}`)}
          </label>
        ))}
      </fieldset>
      <label className="field__label" htmlFor={`${id}-reason`}>
        {t('referral.reason')}
      </label>
      <input id={`${id}-reason`} className="field__input" value={reason} maxLength={REFERRAL_LIMITS.reason} onChange={(e) => setReason(e.target.value)} required data-testid="referral-reason" />
      <label className="field__label" htmlFor={`${id}-summary`}>
        {t('referral.summary')}
      </label>
      <textarea id={`${id}-summary`} className="field__input" rows={3} value={summary} maxLength={REFERRAL_LIMITS.summary} onChange={(e) => setSummary(e.target.value)} required data-testid="referral-summary" />
      {attachables.loading && !attachables.data ? <p role="status">{t('clinic.loading')}</p> : null}
      {attachables.data ? <AttachmentPicker attachables={attachables.data} studyUids={studyUids} reportIds={reportIds} onStudies={setStudyUids} onReports={setReportIds} /> : null}
      <button type="submit" className="button button--primary" disabled={!ready || state.pending} data-testid="referral-submit">
        {t('referral.submit')}
      </button>
    </form>
  );
}
