import { StartFieldConsultationRequestSchema } from '@cloudclinic/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { toApiError } from '../../api/api-error';
import { LoadingState } from '../../components/LoadingState';
import { Spinner } from '../../components/Spinner';
import { useResource } from '../../hooks/clinic/useResource';
import { errorMessageKey, type ErrorMessageKey } from '../../i18n/error-messages';
import { fieldApi } from './field-api';

/** A county HIS patient id as the server accepts it (letters, digits, dot, hyphen). */
const PATIENT_ID = StartFieldConsultationRequestSchema.shape.hisPatientId;

/**
 * 上车即入院: the crew names the patient (HIS id) and calls the receiving hospital's expert, who sees
 * the patient and the vitals before arrival.
 */
export function StartFieldConsultation() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const directory = useResource('field-directory', (signal) => fieldApi.directory(signal));
  const [patient, setPatient] = useState('');
  const [institution, setInstitution] = useState('');
  const [expert, setExpert] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorMessageKey | 'fieldStart.patientInvalid' | null>(null);
  const d = directory.data;
  const institutionId = institution || d?.institutions[0]?.id || '';
  const expertId = expert || d?.experts[0]?.id || '';

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (pending) return;
    if (!PATIENT_ID.safeParse(patient.trim()).success) {
      setError('fieldStart.patientInvalid');
      return;
    }
    setPending(true);
    setError(null);
    try {
      const c = await fieldApi.start({ hisPatientId: patient.trim(), institutionId, expertUserId: expertId });
      void navigate(`/field/consultations/${encodeURIComponent(c.id)}`);
    } catch (err) {
      setError(errorMessageKey(toApiError(err).code));
      setPending(false);
    }
  }

  return (
    <form className="field-card field-start" noValidate onSubmit={(e) => void submit(e)} data-testid="field-start">
      <h2>{t('fieldStart.title')}</h2>
      <p className="field-card__intro">{t('fieldStart.intro')}</p>
      {directory.loading && !d ? <LoadingState label={t('fieldStart.loadingDirectory')} /> : null}
      <label>
        {t('fieldStart.patient')}
        <input
          required
          value={patient}
          onChange={(e) => setPatient(e.target.value)}
          placeholder={t('fieldStart.patientExample')}
          aria-invalid={error === 'fieldStart.patientInvalid'}
          aria-describedby={error ? 'field-start-error' : undefined}
          data-testid="field-start-patient"
        />
      </label>
      <label>
        {t('fieldStart.institution')}
        <select value={institutionId} onChange={(e) => setInstitution(e.target.value)}>
          {d?.institutions.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('fieldStart.expert')}
        <select value={expertId} onChange={(e) => setExpert(e.target.value)} data-testid="field-start-expert">
          {d?.experts.map((x) => (
            <option key={x.id} value={x.id}>
              {x.displayName} · {x.institutionName}
              {x.departmentName ? ` · ${x.departmentName}` : ''}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <p role="alert" id="field-start-error" data-testid="field-start-error">
          {t(error)}
        </p>
      ) : null}
      <button type="submit" className="button field-button--big" disabled={pending || !d || !patient.trim()} aria-busy={pending} data-testid="field-start-submit">
        {pending ? (
          <span className="button__busy">
            <Spinner />
            {t('fieldStart.submitting')}
          </span>
        ) : (
          t('fieldStart.submit')
        )}
      </button>
    </form>
  );
}
