import type { ConsultationOpinions } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';

export interface DissentDraft {
  expertId: string;
  text: string;
}

interface Props {
  experts: ConsultationOpinions['experts'];
  value: readonly DissentDraft[];
  onChange(next: DissentDraft[]): void;
}

/** 不同意见: one optional line per expert, recorded with their name in the joint opinion. */
export function DissentFields({ experts, value, onChange }: Props) {
  const { t } = useTranslation();
  const textOf = (expertId: string) => value.find((d) => d.expertId === expertId)?.text ?? '';
  const set = (expertId: string, text: string) => onChange([...value.filter((d) => d.expertId !== expertId), { expertId, text }]);
  return (
    <fieldset className="opinion-dissent">
      <legend>{t('opinion.joint.dissent')}</legend>
      {experts.map((e) => (
        <label key={e.id} className="field">
          <span className="field__label">{e.name}</span>
          <input className="field__input" maxLength={2000} value={textOf(e.id)} onChange={(ev) => set(e.id, ev.target.value)} placeholder={t('opinion.joint.dissentNone')} data-testid="joint-dissent" data-expert={e.id} />
        </label>
      ))}
    </fieldset>
  );
}
