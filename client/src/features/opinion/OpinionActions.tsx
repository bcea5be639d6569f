import type { ConsultationOpinions, JointOpinionView } from '@cloudclinic/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { opinionApi } from '../../api/opinion-api';
import { SignDialog } from '../prescription/SignDialog';
import type { OpinionsState } from './use-opinions';

interface Props {
  consultationId: string;
  data: ConsultationOpinions;
  opinion: JointOpinionView;
  meId: string;
  isExpert: boolean;
  state: OpinionsState;
  errorText: string | null;
}

/** What one person may do with the current version: sign it (with the password), amend it (chair), acknowledge it (county doctor). */
export function OpinionActions({ consultationId, data, opinion: o, meId, isExpert, state, errorText }: Props) {
  const { t } = useTranslation();
  const [signing, setSigning] = useState(false);
  const mySigner = o.signers.find((s) => s.id === meId);
  const canSign = isExpert && o.status === 'signing' && mySigner !== undefined && mySigner.signedAt === null;
  const canAmend = data.chairId === meId && (o.status === 'signing' || o.status === 'final');
  const canAcknowledge = !isExpert && o.status === 'final' && o.acknowledgedAt === null;

  async function sign(password: string): Promise<void> {
    if (await state.run(() => opinionApi.sign(o.id, password))) setSigning(false);
  }

  return (
    <>
      {canSign ? (
        <button type="button" className="button button--primary" onClick={() => setSigning(true)} data-testid="opinion-sign">
          {t('opinion.sign.button')}
        </button>
      ) : null}
      {canAmend ? (
        <button type="button" className="button" disabled={state.pending} onClick={() => void state.run(() => opinionApi.amend(consultationId))} data-testid="opinion-amend">
          {t('opinion.joint.amend')}
        </button>
      ) : null}
      {canAcknowledge ? (
        <button type="button" className="button button--primary" disabled={state.pending} onClick={() => void state.run(() => opinionApi.acknowledge(o.id))} data-testid="opinion-acknowledge">
          {t('opinion.acknowledge')}
        </button>
      ) : null}
      <SignDialog
        open={signing}
        pending={state.pending}
        error={signing ? errorText : null}
        onSign={(pw) => void sign(pw)}
        onCancel={() => setSigning(false)}
        title={t('opinion.sign.title')}
        intro={t('opinion.sign.intro')}
      />
    </>
  );
}
