import { AddMdtCaseBodySchema, type MdtBoardView } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nextSitting, weekdayKey } from './weekday';
import { Link } from 'react-router';
import { toApiError } from '../../api/api-error';
import { directoryApi } from '../../api/directory-api';
import { mdtApi } from '../../api/mdt-api';
import { BusyButton } from '../../components/BusyButton';
import { useResource } from '../../hooks/clinic/useResource';
import { errorMessageKey } from '../../i18n/error-messages';

const EMPTY = { boardId: '', date: '', hisPatientId: '', patientName: '', institutionId: '', summary: '', question: '', minutes: '' };

/**
 * 提交病例: a case for a board's sitting. The county doctor files for their own institution's
 * patients; the coordinator (`pickInstitution`) names the patient's county institution.
 */
export function AddCaseForm({ boards, pickInstitution = false }: { boards: readonly MdtBoardView[]; pickInstitution?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const institutions = useResource(pickInstitution ? 'institutions' : null, (signal) => directoryApi.institutions(signal));
  const [form, setForm] = useState(EMPTY);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [filed, setFiled] = useState<string | null>(null);
  const set = (k: keyof typeof EMPTY, v: string) => setForm((f) => ({ ...f, [k]: v }));
  const board = boards.find((b) => b.id === form.boardId);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!board) return setError(t('mdt.form.invalid', { field: 'board' }));
    const body = {
      date: form.date || nextSitting(board.weekday),
      hisPatientId: form.hisPatientId.trim(),
      patientName: form.patientName,
      summary: form.summary,
      question: form.question,
      ...(form.minutes ? { minutes: Number(form.minutes) } : {}),
      ...(pickInstitution && form.institutionId ? { institutionId: form.institutionId } : {}),
    };
    const parsed = AddMdtCaseBodySchema.safeParse(body);
    if (!parsed.success) return setError(t('mdt.form.invalid', { field: String(parsed.error.issues[0]?.path[0] ?? '') }));
    setPending(true);
    setError(null);
    try {
      setFiled((await mdtApi.addCase(board.id, body)).id);
      setForm((f) => ({ ...EMPTY, boardId: f.boardId, date: f.date }));
    } catch (err) {
      setError(t(errorMessageKey(toApiError(err).code)));
    } finally {
      setPending(false);
    }
  }

  const field = (key: keyof typeof EMPTY, label: string, input: 'text' | 'textarea' | 'number' | 'date' = 'text') => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      {input === 'textarea' ? (
        <textarea id={`${id}-${key}`} className="field__input" rows={3} value={form[key]} onChange={(e) => set(key, e.target.value)} />
      ) : (
        <input id={`${id}-${key}`} type={input} className="field__input" value={form[key]} onChange={(e) => set(key, e.target.value)} />
      )}
    </div>
  );

  return (
    <form className="clinic-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate data-testid="mdt-case-form">
      <h2 id={`${id}-title`}>{t('mdt.form.caseTitle')}</h2>
      <div className="clinic-form__grid">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-board`}>
            {t('mdt.form.board')}
          </label>
          <select id={`${id}-board`} className="field__input" value={form.boardId} onChange={(e) => set('boardId', e.target.value)}>
            <option value="">{t('mdt.form.pick')}</option>
            {boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title} · {t(weekdayKey(b.weekday))} {b.startTime}
              </option>
            ))}
          </select>
        </div>
        {field('date', t('mdt.form.date'), 'date')}
        {pickInstitution ? (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-inst`}>
              {t('mdt.form.institution')}
            </label>
            <select id={`${id}-inst`} className="field__input" value={form.institutionId} onChange={(e) => set('institutionId', e.target.value)}>
              <option value="">{t('mdt.form.pick')}</option>
              {(institutions.data ?? [])
                .filter((i) => i.kind !== 'provincial_hospital')
                .map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
            </select>
          </div>
        ) : null}
        {field('hisPatientId', t('mdt.form.hisPatientId'))}
        {field('patientName', t('mdt.form.patientName'))}
        {field('minutes', t('mdt.form.minutes'), 'number')}
      </div>
      {field('summary', t('mdt.summary'), 'textarea')}
      {field('question', t('mdt.question'), 'textarea')}
      <p className="clinic-form__error" role="alert">
        {error ?? ''}
      </p>
      {filed ? (
        <p className="notice" role="status">
          {t('mdt.form.filed')} <Link to={`/mdt/${encodeURIComponent(filed)}`}>{t('mdt.form.open')}</Link>
        </p>
      ) : null}
      <BusyButton busy={pending} type="submit" className="button button--primary" data-testid="mdt-case-submit">
        {t('mdt.form.fileCase')}
      </BusyButton>
    </form>
  );
}
