import { useTranslation } from 'react-i18next';
import { LoadError } from '../clinic/LoadError';
import { useCurrentUser } from '../../hooks/useSession';
import { errorMessageKey } from '../../i18n/error-messages';
import { JointOpinionCard } from './JointOpinionCard';
import { JointOpinionForm } from './JointOpinionForm';
import { OpinionActions } from './OpinionActions';
import { OwnOpinionForm } from './OwnOpinionForm';
import { useOpinions } from './use-opinions';
import '../../styles/opinion.css';

/**
 * 会诊意见: experts write their own opinion; the chair compiles the joint one and submits it for
 * signature; every expert signs; the county doctor reads the final one and acknowledges it.
 */
export function OpinionPanel({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const state = useOpinions(consultationId);
  const data = state.data;
  if (state.loading) return <p role="status">{t('clinic.loading')}</p>;
  if (!data) return state.errorCode ? <LoadError code={state.errorCode} onRetry={state.reload} /> : null;

  const meId = me?.id ?? '';
  const isExpert = data.experts.some((e) => e.id === meId);
  const current = data.versions[0] ?? null;
  const earlier = data.versions.slice(1);
  const errorText = state.actionError ? t(errorMessageKey(state.actionError)) : null;
  const chairName = data.experts.find((e) => e.id === data.chairId)?.name ?? '—';

  return (
    <section className="opinion-panel" aria-label={t('consultation.tabs.opinion')} data-testid="opinion-panel">
      <p className="opinion-panel__chair">{t('opinion.chair', { name: chairName })}</p>
      {errorText ? (
        <p className="notice notice--warning" role="alert" data-testid="opinion-error">
          {errorText}
        </p>
      ) : null}
      {isExpert ? <OwnOpinionForm consultationId={consultationId} mine={data.opinions.find((o) => o.authorId === meId) ?? null} state={state} /> : null}
      {isExpert && data.opinions.length > 0 ? (
        <details className="opinion-others">
          <summary>{t('opinion.others', { count: data.opinions.length })}</summary>
          {data.opinions.map((o) => (
            <p key={o.authorId} data-testid="expert-opinion" data-author={o.authorId}>
              <strong>{o.authorName}</strong>：{o.text} {o.diagnoses.map((d) => d.code).join(' ')}
            </p>
          ))}
        </details>
      ) : null}
      {data.chairId === meId && (!current || current.status === 'draft') ? <JointOpinionForm key={current?.id ?? 'new'} consultationId={consultationId} data={data} draft={current} state={state} /> : null}
      {current && current.status !== 'draft' ? (
        <JointOpinionCard opinion={current}>
          <OpinionActions consultationId={consultationId} data={data} opinion={current} meId={meId} isExpert={isExpert} state={state} errorText={errorText} />
        </JointOpinionCard>
      ) : null}
      {!current || (current.status === 'draft' && data.chairId !== meId) ? <p className="opinion-panel__empty">{t(isExpert ? 'opinion.joint.notYet' : 'opinion.joint.notFinal')}</p> : null}
      {earlier.map((o) => (
        <JointOpinionCard key={o.id} opinion={o} />
      ))}
    </section>
  );
}
