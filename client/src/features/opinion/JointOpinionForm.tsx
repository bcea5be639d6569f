import type { ConsultationOpinions, Diagnosis, JointOpinionView } from '@cloudclinic/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { opinionApi } from '../../api/opinion-api';
import { DiagnosisPicker } from '../prescription/DiagnosisPicker';
import { DissentFields, type DissentDraft } from './DissentFields';
import type { OpinionsState } from './use-opinions';

interface Props {
  consultationId: string;
  data: ConsultationOpinions;
  /** The current draft, or null before the first save. */
  draft: JointOpinionView | null;
  state: OpinionsState;
}

/** The chair's compile form: findings, diagnoses, recommended treatment, dissent; save, then submit for signature. */
export function JointOpinionForm({ consultationId, data, draft, state }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [findings, setFindings] = useState(draft?.findings ?? '');
  const [treatment, setTreatment] = useState(draft?.treatment ?? '');
  const [diagnoses, setDiagnoses] = useState<Diagnosis[]>(draft?.diagnoses ?? []);
  const [dissent, setDissent] = useState<DissentDraft[]>(draft?.dissent.map((d) => ({ expertId: d.expertId, text: d.text })) ?? []);
  const [revision, setRevision] = useState(draft?.revision ?? 0);

  const body = () => ({ findings, treatment, diagnoses: diagnoses.map((d) => d.code), dissent: dissent.filter((d) => d.text.trim()), revision });
  async function save(): Promise<boolean> {
    return state.run(async () => setRevision((await opinionApi.saveDraft(consultationId, body())).revision));
  }
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (await save()) await state.run(() => opinionApi.submit(consultationId));
  }

  return (
    <form className="opinion-form" onSubmit={(e) => void submit(e)} data-testid="joint-opinion-form">
      <h3>{t('opinion.joint.compileTitle')}</h3>
      <label className="field" htmlFor={`${id}-findings`}>
        <span className="field__label">{t('opinion.joint.findings')}</span>
      </label>
      <textarea id={`${id}-findings`} className="field__input" rows={3} maxLength={8000} value={findings} onChange={(e) => setFindings(e.target.value)} data-testid="joint-findings" />
      <span className="field__label">{t('opinion.diagnoses')}</span>
      <DiagnosisPicker value={diagnoses} onChange={setDiagnoses} max={20} testId="joint-dx" />
      <label className="field" htmlFor={`${id}-treatment`}>
        <span className="field__label">{t('opinion.joint.treatment')}</span>
      </label>
      <textarea id={`${id}-treatment`} className="field__input" rows={3} maxLength={8000} value={treatment} onChange={(e) => setTreatment(e.target.value)} data-testid="joint-treatment" />
      <DissentFields experts={data.experts} value={dissent} onChange={setDissent} />
      <div className="opinion-form__actions">
        <button type="button" className="button" disabled={state.pending} onClick={() => void save()} data-testid="joint-save">
          {t('opinion.joint.save')}
        </button>
        <button type="submit" className="button button--primary" disabled={state.pending || !findings.trim() || !treatment.trim()} data-testid="joint-submit">
          {t('opinion.joint.submit')}
        </button>
      </div>
    </form>
  );
}
