import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { clinicApi } from '../../api/clinic-api';
import { LoadError } from '../../features/clinic/LoadError';
import { ConsultationPanels } from '../../features/consultation/ConsultationPanels';
import { EndConsultationDialog } from '../../features/consultation/EndConsultationDialog';
import { FieldAssistTile } from '../../features/field/FieldAssist';
import { FieldInviteControl } from '../../features/field/FieldInviteControl';
import { ImagingPanel } from '../../features/consultation/ImagingPanel';
import { PanelBoundary } from '../../features/consultation/PanelBoundary';
import { PatientBanner } from '../../features/consultation/PatientBanner';
import { PrescriptionPanel } from '../../features/consultation/PrescriptionPanel';
import { RecordPanel } from '../../features/consultation/RecordPanel';
import { NoteEditor } from '../../features/note/NoteEditor';
import { OpinionPanel } from '../../features/opinion/OpinionPanel';
import { ReferralPanel } from '../../features/referral/ReferralPanel';
import { StatusBadge } from '../../features/queue/StatusBadge';
import { RoomView } from '../../features/room/RoomView';
import { useEndConsultation } from '../../hooks/clinic/useEndConsultation';
import { useLiveAppointment } from '../../hooks/clinic/useLiveAppointment';
import { useNoteEditor } from '../../hooks/clinic/useNoteEditor';
import { useResource } from '../../hooks/clinic/useResource';
import { errorMessageKey } from '../../i18n/error-messages';
import '../../styles/clinic.css';

/** `/expert/consultations/:id`: video with the record / imaging / prescription / note panels, and "end visit". */
export function ConsultationPage() {
  const { id = '' } = useParams();
  return <ConsultationScreen key={id} consultationId={id} />;
}

function ConsultationScreen({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const sessionId = params.get('session');
  const queuePath = sessionId ? `/expert?session=${encodeURIComponent(sessionId)}` : '/expert';

  const consultation = useResource(consultationId, (signal) => clinicApi.consultation(consultationId, signal));
  const appointmentId = consultation.data?.appointmentId ?? null;
  const a = useLiveAppointment(appointmentId);
  const note = useNoteEditor(consultationId);
  const ending = useEndConsultation(consultationId, note);
  const [confirmOpen, setConfirmOpen] = useState(false);

  const c = consultation.data;
  const ended = c?.status === 'ended';
  const backToQueue = () => void navigate(queuePath);

  async function confirmEnd(): Promise<void> {
    if (await ending.end()) {
      setConfirmOpen(false);
      backToQueue();
    }
  }

  const endError = ending.errorCode === 'note_unsaved' ? t('consultation.end.noteUnsaved') : ending.errorCode ? t(errorMessageKey(ending.errorCode)) : null;

  return (
    <div className="page clinic-page consult-page" data-testid="consultation-page">
      <header className="consult-page__header">
        <Link to={queuePath} className="consult-page__back">
          ← {t('consultation.backToQueue')}
        </Link>
        <h1 className="consult-page__title">
          {a ? t('consultation.titleWithPatient', { name: a.patientLabel, number: a.queueNumber }) : t('consultation.title')}
        </h1>
        {c ? (
          <p className="consult-page__meta">
            {c.institution.name}
            {a ? <StatusBadge status={a.status} /> : null}
          </p>
        ) : null}
        {c && !ended && c.myRole === 'expert' ? <FieldInviteControl consultationId={consultationId} /> : null}
        {c && !ended && c.myRole === 'expert' ? (
          <button type="button" className="button clinic-button--danger" onClick={() => setConfirmOpen(true)} data-testid="btn-end-consult">
            {t('consultation.end.button')}
          </button>
        ) : null}
      </header>

      {consultation.loading ? <p role="status">{t('clinic.loading')}</p> : null}
      {consultation.errorCode ? <LoadError code={consultation.errorCode} onRetry={consultation.reload} /> : null}

      {c && ended ? (
        <div className="consult-page__ended">
          <p className="notice">{t('consultation.ended')}</p>
          <NoteEditor editor={note} />
          <OpinionPanel consultationId={consultationId} />
          <ReferralPanel consultationId={consultationId} />
        </div>
      ) : null}
      {c && !ended ? <PatientBanner consultationId={consultationId} hisPatientId={c.hisPatientId} /> : null}
      {c && !ended ? (
        <RoomView
          consultationId={consultationId}
          onLeave={backToQueue}
          // Field consultations: the field doctor's one tile is their video to mark up, with the live vitals.
          tileFor={(p) =>
            p.participantRole === 'field_doctor' && !p.dropped ? (
              <PanelBoundary key={`field-${p.userId}`} name="field">
                <FieldAssistTile consultationId={consultationId} field={p} />
              </PanelBoundary>
            ) : null
          }
          sidePanel={
            <ConsultationPanels
              panels={{
                record: (
                  <PanelBoundary name="record">
                    <RecordPanel consultationId={consultationId} />
                  </PanelBoundary>
                ),
                imaging: (
                  <PanelBoundary name="imaging">
                    <ImagingPanel consultationId={consultationId} attached={c?.attachedStudyUids} />
                  </PanelBoundary>
                ),
                prescription: (
                  <PanelBoundary name="prescription">
                    <PrescriptionPanel consultationId={consultationId} />
                  </PanelBoundary>
                ),
                note: (
                  <PanelBoundary name="note">
                    <NoteEditor editor={note} />
                  </PanelBoundary>
                ),
                opinion: (
                  <PanelBoundary name="opinion">
                    <OpinionPanel consultationId={consultationId} />
                  </PanelBoundary>
                ),
                referral: (
                  <PanelBoundary name="referral">
                    <ReferralPanel consultationId={consultationId} />
                  </PanelBoundary>
                ),
              }}
            />
          }
        />
      ) : null}

      <EndConsultationDialog
        open={confirmOpen}
        pending={ending.pending}
        error={endError}
        onConfirm={() => void confirmEnd()}
        onCancel={() => setConfirmOpen(false)}
      />
    </div>
  );
}
