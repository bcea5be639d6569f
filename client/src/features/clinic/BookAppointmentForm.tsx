import { BookAppointmentRequestSchema, isValidResidentId, maskResidentId, type AppointmentView, type ClinicSessionView } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import { clinicApi } from '../../api/clinic-api';
import { errorMessageKey } from '../../i18n/error-messages';
import { BookingSlip } from './BookingSlip';
import { localName } from '../../i18n/local-name';
import { BusyButton } from '../../components/BusyButton';

/**
 * Book a patient into a session by HIS patient id, resident ID, or name + date of birth; the server
 * checks the name against the HIS. Shows the printable slip (code, patient, day and hours, expert, place).
 */
export function BookAppointmentForm({ session }: { session: ClinicSessionView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [hisPatientId, setHisPatientId] = useState('');
  const [patientName, setPatientName] = useState('');
  const [institutionId, setInstitutionId] = useState(session.institutions[0]?.id ?? '');
  const [residentId, setResidentId] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [pending, setPending] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [booked, setBooked] = useState<AppointmentView | null>(null);

  const rid = residentId.trim().toUpperCase();
  const ridState = rid === '' ? 'empty' : rid.length < 18 ? 'incomplete' : isValidResidentId(rid) ? 'valid' : 'invalid';

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const request = BookAppointmentRequestSchema.safeParse({
      institutionId,
      patientName,
      ...(hisPatientId.trim() ? { hisPatientId: hisPatientId.trim() } : {}),
      ...(rid ? { residentId: rid } : {}),
      ...(birthDate ? { birthDate } : {}),
    });
    if (!request.success || ridState === 'incomplete' || ridState === 'invalid') {
      setErrorCode('book_invalid');
      return;
    }
    setPending(true);
    setErrorCode(null);
    try {
      setBooked(await clinicApi.book(session.id, request.data));
      setHisPatientId('');
      setPatientName('');
      setResidentId('');
      setBirthDate('');
    } catch (err) {
      setErrorCode(toApiError(err).code);
    } finally {
      setPending(false);
    }
  }

  const errorText = errorCode === 'book_invalid' ? t('admin.book.invalid') : errorCode ? t(errorMessageKey(errorCode)) : '';

  return (
    <form className="clinic-form clinic-form--inline" onSubmit={(e) => void submit(e)} noValidate data-testid="book-form">
      <h3 className="clinic-form__subtitle">{t('admin.book.title')}</h3>
      <div className="clinic-form__grid">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-his`}>
            {t('admin.book.hisPatientId')}
          </label>
          <input id={`${id}-his`} className="field__input" value={hisPatientId} onChange={(e) => setHisPatientId(e.target.value)} autoComplete="off" data-testid="book-his-id" />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            {t('admin.book.patientName')}
          </label>
          <input id={`${id}-name`} className="field__input" value={patientName} onChange={(e) => setPatientName(e.target.value)} autoComplete="off" maxLength={32} required data-testid="book-name" />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-birth`}>
            {t('admin.book.birthDate')}
          </label>
          <input id={`${id}-birth`} type="date" className="field__input" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} data-testid="book-birth-date" />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-inst`}>
            {t('admin.book.institution')}
          </label>
          <select id={`${id}-inst`} className="field__input" value={institutionId} onChange={(e) => setInstitutionId(e.target.value)} data-testid="book-institution">
            {session.institutions.map((i) => (
              <option key={i.id} value={i.id}>
                {localName(i, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-rid`}>
            {t('admin.book.residentId')}
          </label>
          <input
            id={`${id}-rid`}
            className="field__input"
            value={residentId}
            onChange={(e) => setResidentId(e.target.value.replace(/[^0-9xX]/g, '').slice(0, 18))}
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={ridState === 'invalid' ? true : undefined}
            aria-describedby={`${id}-rid-hint`}
            data-testid="book-resident-id"
          />
          <span id={`${id}-rid-hint`} className={`field__hint${ridState === 'invalid' ? ' field__hint--bad' : ''}`} aria-live="polite">
            {ridState === 'valid' ? `✓ ${maskResidentId(rid)}` : ridState === 'invalid' ? t('admin.book.residentIdInvalid') : t('admin.book.residentIdHint')}
          </span>
        </div>
      </div>
      <p className="clinic-form__error" role="alert" data-testid="book-error">
        {errorText}
      </p>
      <BusyButton busy={pending} type="submit" className="button button--primary" data-testid="book-submit">
        {pending ? t('admin.book.submitting') : t('admin.book.submit')}
      </BusyButton>
      {booked ? <BookingSlip appointment={booked} session={session} /> : null}
    </form>
  );
}
