import type { RequestOptions, ScheduleRequestBody } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isoToLocal, localToIso } from './request-model';
import { BusyButton } from '../../components/BusyButton';

interface ScheduleFormProps {
  mode: 'schedule' | 'propose';
  experts: RequestOptions['experts'];
  pending: boolean;
  onSubmit(body: ScheduleRequestBody): void;
  onCancel(): void;
}

/** 安排 (or 建议其他时间): a time and one or more experts. */
export function ScheduleForm({ mode, experts, pending, onSubmit, onCancel }: ScheduleFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [at, setAt] = useState(() => isoToLocal(Date.now() + 3600_000));
  const [chosen, setChosen] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const iso = localToIso(at);
    if (iso && chosen.length > 0) onSubmit({ at: iso, expertIds: chosen });
  };
  return (
    <form className="request-action-form" onSubmit={submit} data-testid={`${mode}-form`} aria-label={t(`requests.inbox.${mode}`)}>
      <label className="field__label" htmlFor={`${id}-at`}>
        {t('requests.inbox.at')}
      </label>
      <input id={`${id}-at`} type="datetime-local" className="field__input" value={at} onChange={(e) => setAt(e.target.value)} required data-testid="schedule-at" />
      <fieldset className="request-form__group">
        <legend>{t('requests.inbox.assign')}</legend>
        <ul className="request-form__checks">
          {experts.map((x) => (
            <li key={x.id}>
              <label>
                <input type="checkbox" checked={chosen.includes(x.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, x.id] : c.filter((y) => y !== x.id)))} data-testid="schedule-expert" data-user-id={x.id} />
                {x.displayName}（{x.institutionName}）
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <BusyButton busy={pending} type="submit" className="button button--primary" disabled={chosen.length === 0} data-testid={`${mode}-confirm`}>
        {t(`requests.inbox.${mode}Confirm`)}
      </BusyButton>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('requests.inbox.back')}
      </button>
    </form>
  );
}
