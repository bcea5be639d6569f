import { CreateMdtBoardBodySchema, type MdtBoardView } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdayKey } from './weekday';
import { toApiError } from '../../api/api-error';
import { directoryApi } from '../../api/directory-api';
import { mdtApi } from '../../api/mdt-api';
import { BusyButton } from '../../components/BusyButton';
import { useResource } from '../../hooks/clinic/useResource';
import { errorMessageKey } from '../../i18n/error-messages';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The coordinator's form for a standing board: title, weekly slot, default time box, chair and members. */
export function CreateBoardForm({ onCreated }: { onCreated(board: MdtBoardView): void }) {
  const { t } = useTranslation();
  const id = useId();
  const experts = useResource('experts', (signal) => directoryApi.users('expert', signal));
  const [form, setForm] = useState({ title: '', weekday: '2', startTime: '14:00', caseMinutes: '15', chairId: '', memberIds: [] as string[] });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const body = { title: form.title, weekday: Number(form.weekday), startTime: form.startTime, caseMinutes: Number(form.caseMinutes), chairId: form.chairId, memberIds: form.memberIds.filter((m) => m !== form.chairId) };
    const parsed = CreateMdtBoardBodySchema.safeParse(body);
    if (!parsed.success) return setError(t('mdt.form.invalid', { field: String(parsed.error.issues[0]?.path[0] ?? '') }));
    setPending(true);
    setError(null);
    try {
      onCreated(await mdtApi.createBoard(body));
      setForm((f) => ({ ...f, title: '', memberIds: [] }));
    } catch (err) {
      setError(t(errorMessageKey(toApiError(err).code)));
    } finally {
      setPending(false);
    }
  }

  const list = experts.data ?? [];
  return (
    <form className="clinic-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate data-testid="mdt-board-form">
      <h2 id={`${id}-title`}>{t('mdt.form.boardTitle')}</h2>
      <div className="clinic-form__grid">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            {t('mdt.form.title')}
          </label>
          <input id={`${id}-name`} className="field__input" value={form.title} onChange={(e) => set('title', e.target.value)} placeholder="浙江医院 肿瘤 MDT" required />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-weekday`}>
            {t('mdt.form.weekday')}
          </label>
          <select id={`${id}-weekday`} className="field__input" value={form.weekday} onChange={(e) => set('weekday', e.target.value)}>
            {WEEKDAYS.map((d) => (
              <option key={d} value={d}>
                {t(weekdayKey(d))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-start`}>
            {t('mdt.form.startTime')}
          </label>
          <input id={`${id}-start`} type="time" className="field__input" value={form.startTime} onChange={(e) => set('startTime', e.target.value)} required />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-minutes`}>
            {t('mdt.form.caseMinutes')}
          </label>
          <input id={`${id}-minutes`} type="number" min={5} max={120} className="field__input" value={form.caseMinutes} onChange={(e) => set('caseMinutes', e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-chair`}>
            {t('mdt.chair')}
          </label>
          <select id={`${id}-chair`} className="field__input" value={form.chairId} onChange={(e) => set('chairId', e.target.value)} required>
            <option value="">{t('mdt.form.pick')}</option>
            {list.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} · {u.departmentName ?? u.institution.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="clinic-form__fieldset">
        <legend className="field__label">{t('mdt.form.members')}</legend>
        {list
          .filter((u) => u.id !== form.chairId)
          .map((u) => (
            <label key={u.id} className="clinic-form__check">
              <input
                type="checkbox"
                checked={form.memberIds.includes(u.id)}
                onChange={(e) => set('memberIds', e.target.checked ? [...form.memberIds, u.id] : form.memberIds.filter((m) => m !== u.id))}
              />
              {u.displayName}
            </label>
          ))}
      </fieldset>
      <p className="clinic-form__error" role="alert">
        {error ?? ''}
      </p>
      <BusyButton busy={pending} type="submit" className="button button--primary" disabled={experts.loading} data-testid="mdt-board-submit">
        {t('mdt.form.createBoard')}
      </BusyButton>
    </form>
  );
}
