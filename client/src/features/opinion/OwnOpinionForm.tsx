import type { Diagnosis, ExpertOpinionView } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { opinionApi } from '../../api/opinion-api';
import { DiagnosisPicker } from '../prescription/DiagnosisPicker';
import type { OpinionsState } from './use-opinions';

interface Props {
  consultationId: string;
  mine: ExpertOpinionView | null;
  state: OpinionsState;
}

/**
 * 我的意见: the expert's own opinion, free text and ICD-10 codes. The form is mounted once per
 * panel (the re-reads every few seconds must not remount it and lose "saved" or what is typed).
 */
export function OwnOpinionForm({ consultationId, mine, state }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(mine?.text ?? '');
  const [diagnoses, setDiagnoses] = useState<Diagnosis[]>(mine?.diagnoses ?? []);
  const [saved, setSaved] = useState(false);

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    setSaved(await state.run(() => opinionApi.saveMine(consultationId, { text, diagnoses: diagnoses.map((d) => d.code) })));
  }

  return (
    <form className="opinion-form" onSubmit={(e) => void save(e)} data-testid="own-opinion-form">
      <h3>{t('opinion.own.title')}</h3>
      <label className="field" htmlFor={`${id}-text`}>
        <span className="field__label">{t('opinion.own.text')}</span>
      </label>
      <textarea id={`${id}-text`} className="field__input" rows={4} maxLength={4000} value={text} onChange={(e) => {
          setText(e.target.value);
          setSaved(false);
        }} data-testid="own-opinion-text" />
      <span className="field__label">{t('opinion.diagnoses')}</span>
      <DiagnosisPicker
        value={diagnoses}
        onChange={(next) => {
          setDiagnoses(next);
          setSaved(false);
        }} max={20} testId="own-opinion-dx" />
      <div className="opinion-form__actions">
        <button type="submit" className="button" disabled={state.pending} data-testid="own-opinion-save">
          {t('opinion.own.save')}
        </button>
        {saved ? (
          <span role="status" data-testid="own-opinion-saved">
            {t('opinion.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
