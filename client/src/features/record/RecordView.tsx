import { useTranslation } from 'react-i18next';
import { AllergyBanner } from './AllergyBanner';
import { DocumentList } from './DocumentList';
import { LabTable } from './LabTable';
import { MedicationList } from './MedicationList';
import { PartialNotice } from './PartialNotice';
import { PatientHeader } from './PatientHeader';
import { ProblemList } from './ProblemList';
import type { RecordModel, RecordPart } from './record-model';
import { RecordTabs, type RecordTab } from './RecordTabs';
import { ReportList } from './ReportList';
import { VisitTimeline } from './VisitTimeline';
import { VitalsStrip } from './VitalsStrip';

type Section = 'problems' | 'medications' | 'timeline' | 'labs' | 'reports' | 'documents';

interface RecordViewProps {
  model: RecordModel;
  pending: boolean;
  onRetry(): void;
}

/** A loaded record: patient, allergies, what is missing, latest vitals, then the sections as tabs. */
export function RecordView({ model, pending, onRetry }: RecordViewProps) {
  const { t } = useTranslation();
  const missing = (...parts: RecordPart[]) => parts.some((p) => model.missing.includes(p));
  const count = (n: number, unavailable: boolean) => (unavailable ? '?' : String(n));
  const exams = model.reports.filter((r) => r.section === 'exam').length;
  const abnormalLabs = model.labs.some((l) => l.abnormal);

  const tabs: RecordTab<Section>[] = [
    {
      key: 'problems',
      label: t('record.sections.problems'),
      badge: count(model.problems.length, missing('conditions')),
      render: () => <ProblemList problems={model.problems} past={model.pastProblems} unavailable={missing('conditions')} />,
    },
    {
      key: 'medications',
      label: t('record.sections.medications'),
      badge: count(model.medications.length, missing('medicationStatements')),
      render: () => <MedicationList medications={model.medications} unavailable={missing('medicationStatements')} />,
    },
    {
      key: 'timeline',
      label: t('record.sections.timeline'),
      render: () => <VisitTimeline days={model.timeline} unavailable={missing('encounters', 'documents', 'diagnosticReports')} />,
    },
    {
      key: 'labs',
      label: t('record.sections.labs'),
      badge: count(model.labs.length, missing('observations')),
      alert: abnormalLabs,
      render: () => <LabTable labs={model.labs} unavailable={missing('observations')} />,
    },
    {
      key: 'reports',
      label: t('record.sections.reports'),
      badge: count(exams + model.imaging.length, missing('diagnosticReports', 'imagingStudies')),
      render: () => <ReportList reports={model.reports} imaging={model.imaging} reportsUnavailable={missing('diagnosticReports')} imagingUnavailable={missing('imagingStudies')} />,
    },
    {
      key: 'documents',
      label: t('record.sections.documents'),
      badge: count(model.documents.length, missing('documents')),
      render: () => <DocumentList documents={model.documents} unavailable={missing('documents')} />,
    },
  ];

  return (
    <>
      <PatientHeader patient={model.patient} />
      <AllergyBanner allergies={model.allergies} unavailable={missing('allergies')} />
      <PartialNotice failures={model.failures} skipped={model.skipped} pending={pending} onRetry={onRetry} />
      <VitalsStrip vitals={model.vitals} unavailable={missing('observations')} />
      <RecordTabs label={t('record.sections.label')} tabs={tabs} />
    </>
  );
}
