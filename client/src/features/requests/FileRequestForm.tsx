import { REQUEST_LIMITS, type ConsultationRequestView, type RequestOptions } from '@cloudclinic/shared';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequestDraft } from '../../hooks/requests/useRequestDraft';
import { errorMessageKey } from '../../i18n/error-messages';
import { AskedPicker } from './AskedPicker';
import { AttachmentPicker } from './AttachmentPicker';
import { TimeWindows } from './TimeWindows';
import { BusyButton } from '../../components/BusyButton';

/**
 * 发起远程会诊: the patient by HIS number (checked as this hospital's), then the case, the question,
 * urgency, whom to ask, preferred times and the studies and reports to send.
 */
export function FileRequestForm({ options, onFiled }: { options: RequestOptions; onFiled(r: ConsultationRequestView): void }) {
  const { t } = useTranslation();
  const id = useId();
  const { draft, set, attachables, lookUp, looking, lookupError, file, pending, errorCode } = useRequestDraft(onFiled);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void file();
  };
  return (
    <form className="request-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} data-testid="request-form">
      <h2 id={`${id}-title`}>{t('requests.form.title')}</h2>
      <div className="request-form__row">
        <label className="field__label" htmlFor={`${id}-his`}>
          {t('requests.form.hisPatientId')}
        </label>
        <input id={`${id}-his`} className="field__input" value={draft.hisPatientId} onChange={(e) => set({ hisPatientId: e.target.value })} autoComplete="off" maxLength={64} data-testid="request-his-id" />
        <BusyButton busy={looking} className="button button--secondary" onClick={() => void lookUp()} disabled={!draft.hisPatientId.trim()} data-testid="request-lookup">
          {looking ? t('requests.form.looking') : t('requests.form.lookup')}
        </BusyButton>
      </div>
      {lookupError ? (
        <p className="notice notice--warning" role="alert">
          {t(errorMessageKey(lookupError))}
        </p>
      ) : null}
      {attachables ? (
        <>
          <label className="field__label" htmlFor={`${id}-summary`}>
            {t('requests.form.summary')}
          </label>
          <textarea id={`${id}-summary`} className="field__input" rows={4} maxLength={REQUEST_LIMITS.summary} value={draft.summary} onChange={(e) => set({ summary: e.target.value })} required minLength={10} data-testid="request-summary" />
          <label className="field__label" htmlFor={`${id}-question`}>
            {t('requests.form.question')}
          </label>
          <textarea id={`${id}-question`} className="field__input" rows={2} maxLength={REQUEST_LIMITS.question} value={draft.question} onChange={(e) => set({ question: e.target.value })} required minLength={2} data-testid="request-question" />
          <fieldset className="request-form__group">
            <legend>{t('requests.form.urgency')}</legend>
            {(['routine', 'urgent'] as const).map((u) => (
              <label key={u} className="request-form__choice">
                <input type="radio" name={`${id}-urgency`} value={u} checked={draft.urgency === u} onChange={() => set({ urgency: u })} data-testid={`request-urgency-${u}`} />
                {t(`requests.urgency.${u}`)}
              </label>
            ))}
          </fieldset>
          <AskedPicker options={options} departmentId={draft.departmentId} expertIds={draft.expertIds} onDepartment={(departmentId) => set({ departmentId })} onExperts={(expertIds) => set({ expertIds })} />
          <TimeWindows value={draft.times} onChange={(times) => set({ times })} />
          <AttachmentPicker attachables={attachables} studyUids={draft.studyUids} reportIds={draft.reportIds} onStudies={(studyUids) => set({ studyUids })} onReports={(reportIds) => set({ reportIds })} />
          {errorCode ? (
            <p className="notice notice--warning" role="alert" data-testid="request-error">
              {t(errorMessageKey(errorCode))}
            </p>
          ) : null}
          <BusyButton busy={pending} type="submit" className="button button--primary" data-testid="request-submit">
            {pending ? t('requests.form.submitting') : t('requests.form.submit')}
          </BusyButton>
        </>
      ) : null}
    </form>
  );
}
