import type { MdtCaseView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { ImagingPanel } from '../consultation/ImagingPanel';
import { PanelBoundary } from '../consultation/PanelBoundary';
import { RecordPanel } from '../consultation/RecordPanel';
import { OpinionPanel } from '../opinion/OpinionPanel';
import { CaseCountdown } from './CaseCountdown';
import { caseTitle } from './MdtCaseList';
import { MdtCaseTabs } from './MdtCaseTabs';

/**
 * The case being discussed: its summary and question, and the record, imaging and opinions of its
 * own consultation. Keyed on the case, so every panel starts afresh when the chair moves on.
 * Another county's case is shown to a county doctor as a place on the list only.
 */
export function MdtCurrentCase({ mdtCase, skewMs }: { mdtCase: MdtCaseView | null; skewMs: number }) {
  const { t } = useTranslation();
  if (!mdtCase) return <p className="notice" data-testid="mdt-no-current">{t('mdt.noCurrent')}</p>;
  const consultationId = mdtCase.consultationId;
  return (
    <section className="mdt-current" aria-label={t('mdt.currentCase')} data-testid="mdt-current-case" data-case-id={mdtCase.id} data-consultation-id={consultationId ?? ''}>
      <header className="mdt-current__header">
        <h2 className="mdt-current__title">{caseTitle(mdtCase, t)}</h2>
        <CaseCountdown mdtCase={mdtCase} skewMs={skewMs} />
      </header>
      {mdtCase.restricted || !consultationId ? (
        <p className="notice" data-testid="mdt-restricted">{t('mdt.restricted')}</p>
      ) : (
        <MdtCaseTabs
          key={mdtCase.id}
          panels={{
            summary: (
              <div className="mdt-summary" data-testid="mdt-summary">
                <h3>{t('mdt.summary')}</h3>
                <p>{mdtCase.summary}</p>
                <h3>{t('mdt.question')}</h3>
                <p>{mdtCase.question}</p>
              </div>
            ),
            record: (
              <PanelBoundary name="record">
                <RecordPanel consultationId={consultationId} />
              </PanelBoundary>
            ),
            imaging: (
              <PanelBoundary name="imaging">
                <ImagingPanel consultationId={consultationId} />
              </PanelBoundary>
            ),
            opinion: (
              <PanelBoundary name="opinion">
                <OpinionPanel consultationId={consultationId} />
              </PanelBoundary>
            ),
          }}
        />
      )}
    </section>
  );
}
