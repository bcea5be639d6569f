import { PublishSessionRequestSchema, type ClinicSessionView } from '@cloudclinic/shared';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import { clinicApi } from '../../api/clinic-api';
import { useDirectory } from '../../hooks/clinic/useDirectory';
import { errorMessageKey } from '../../i18n/error-messages';
import { shanghaiDate, shanghaiDateTime } from './clinic-time';
import { LoadError } from './LoadError';
import { localName } from '../../i18n/local-name';
import { BusyButton } from '../../components/BusyButton';

interface PublishSessionFormProps {
  onPublished(session: ClinicSessionView): void;
}

interface FormState {
  expertId: string;
  departmentId: string;
  date: string;
  start: string;
  end: string;
  capacity: string;
  slotMinutes: string;
  institutionIds: string[];
}

/** The coordinator publishes a clinic session: expert, department, date and hours, capacity, served hospitals. */
export function PublishSessionForm({ onPublished }: PublishSessionFormProps) {
  const { t, i18n } = useTranslation();
  const directory = useDirectory();
  const id = useId();
  const [form, setForm] = useState<FormState>({
    expertId: '',
    departmentId: '',
    date: shanghaiDate(),
    start: '08:00',
    end: '17:00',
    capacity: '20',
    slotMinutes: '10',
    institutionIds: [],
  });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [published, setPublished] = useState<ClinicSessionView | null>(null);

  const departments = useMemo(
    () => directory.institutions.filter((i) => i.kind === 'provincial_hospital').flatMap((i) => i.departments.map((d) => ({ ...d, institution: i.name, institutionEn: i.nameEn }))),
    [directory.institutions],
  );
  const served = directory.institutions.filter((i) => i.kind !== 'provincial_hospital');

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setError(null);
    setPublished(null);
  };

  function pickExpert(expertId: string): void {
    const expert = directory.experts.find((e) => e.id === expertId);
    const dept = departments.find((d) => d.name === expert?.departmentName && d.institution === expert.institution.name);
    setForm((f) => ({ ...f, expertId, departmentId: dept?.id ?? f.departmentId }));
    setError(null);
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const request = PublishSessionRequestSchema.safeParse({
      expertId: form.expertId,
      departmentId: form.departmentId,
      startsAt: shanghaiDateTime(form.date, form.start),
      endsAt: shanghaiDateTime(form.date, form.end),
      capacity: Number(form.capacity),
      slotMinutes: Number(form.slotMinutes),
      institutionIds: form.institutionIds,
    });
    if (!request.success) {
      const field = String(request.error.issues[0]?.path[0] ?? '');
      setError(t(`admin.publish.invalid.${invalidKey(field)}`));
      return;
    }
    setPending(true);
    try {
      const session = await clinicApi.publishSession(request.data);
      setPublished(session);
      onPublished(session);
    } catch (err) {
      setError(t(errorMessageKey(toApiError(err).code)));
    } finally {
      setPending(false);
    }
  }

  if (directory.errorCode) return <LoadError code={directory.errorCode} onRetry={directory.reload} />;

  return (
    <form className="clinic-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate data-testid="publish-session-form">
      <h2 id={`${id}-title`}>{t('admin.publish.title')}</h2>
      <div className="clinic-form__grid">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-expert`}>
            {t('admin.publish.expert')}
          </label>
          <select id={`${id}-expert`} className="field__input" value={form.expertId} onChange={(e) => pickExpert(e.target.value)} required>
            <option value="">{t('admin.publish.choose')}</option>
            {directory.experts.map((e) => (
              <option key={e.id} value={e.id}>
                {e.displayName}
                {e.departmentName ? ` · ${localName({ name: e.departmentName, nameEn: e.departmentNameEn }, i18n.language)}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-dept`}>
            {t('admin.publish.department')}
          </label>
          <select id={`${id}-dept`} className="field__input" value={form.departmentId} onChange={(e) => set('departmentId', e.target.value)} required>
            <option value="">{t('admin.publish.choose')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {localName({ name: d.institution, nameEn: d.institutionEn }, i18n.language)} · {localName(d, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-date`}>
            {t('admin.publish.date')}
          </label>
          <input id={`${id}-date`} type="date" className="field__input" value={form.date} onChange={(e) => set('date', e.target.value)} required />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-start`}>
            {t('admin.publish.start')}
          </label>
          <input id={`${id}-start`} type="time" className="field__input" value={form.start} onChange={(e) => set('start', e.target.value)} required />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-end`}>
            {t('admin.publish.end')}
          </label>
          <input id={`${id}-end`} type="time" className="field__input" value={form.end} onChange={(e) => set('end', e.target.value)} required />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-capacity`}>
            {t('admin.publish.capacity')}
          </label>
          <input id={`${id}-capacity`} type="number" min={1} max={200} className="field__input" value={form.capacity} onChange={(e) => set('capacity', e.target.value)} required />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-slot`}>
            {t('admin.publish.slotMinutes')}
          </label>
          <input id={`${id}-slot`} type="number" min={3} max={120} className="field__input" value={form.slotMinutes} onChange={(e) => set('slotMinutes', e.target.value)} />
        </div>
      </div>
      <fieldset className="clinic-form__fieldset">
        <legend className="field__label">{t('admin.publish.institutions')}</legend>
        {served.map((i) => (
          <label key={i.id} className="clinic-form__check">
            <input
              type="checkbox"
              checked={form.institutionIds.includes(i.id)}
              onChange={(e) => set('institutionIds', e.target.checked ? [...form.institutionIds, i.id] : form.institutionIds.filter((x) => x !== i.id))}
            />
            {localName(i, i18n.language)}
          </label>
        ))}
      </fieldset>
      <p className="clinic-form__error" role="alert">
        {error ?? ''}
      </p>
      {published ? (
        <p className="notice" role="status" data-testid="publish-success">
          {t('admin.publish.done', { department: localName(published.department, i18n.language), expert: published.expert.displayName })}
        </p>
      ) : null}
      <BusyButton busy={pending} type="submit" className="button button--primary" disabled={directory.loading} data-testid="publish-submit">
        {pending ? t('admin.publish.submitting') : t('admin.publish.submit')}
      </BusyButton>
    </form>
  );
}

function invalidKey(field: string): 'expert' | 'department' | 'time' | 'capacity' | 'institutions' | 'other' {
  switch (field) {
    case 'expertId':
      return 'expert';
    case 'departmentId':
      return 'department';
    case 'startsAt':
    case 'endsAt':
      return 'time';
    case 'capacity':
    case 'slotMinutes':
      return 'capacity';
    case 'institutionIds':
      return 'institutions';
    default:
      return 'other';
  }
}
