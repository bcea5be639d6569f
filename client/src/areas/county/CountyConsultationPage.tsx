import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PanelBoundary } from '../../features/consultation/PanelBoundary';
import { OpinionPanel } from '../../features/opinion/OpinionPanel';
import { ReferralPanel } from '../../features/referral/ReferralPanel';
import { RoomView } from '../../features/room/RoomView';
import '../../styles/clinic.css';

/** `/county/consultations/:id`: the county doctor joins the patient's video visit as the local doctor, reads and acknowledges the joint opinion (会诊意见), and follows the referrals (双向转诊). */
export function CountyConsultationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  return (
    <div className="page clinic-page consult-page" data-testid="county-consultation">
      <header className="consult-page__header">
        <Link to="/county" className="consult-page__back">
          ← {t('county.backToQueue')}
        </Link>
        <h1 className="consult-page__title">{t('county.consultationTitle')}</h1>
      </header>
      <RoomView
        key={id}
        consultationId={id}
        onLeave={() => void navigate('/county')}
        sidePanel={
          <>
            <PanelBoundary name="opinion">
              <OpinionPanel consultationId={id} />
            </PanelBoundary>
            <PanelBoundary name="referral">
              <ReferralPanel consultationId={id} />
            </PanelBoundary>
          </>
        }
      />
    </div>
  );
}
