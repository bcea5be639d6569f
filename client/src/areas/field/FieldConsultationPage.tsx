import { IdSchema } from '@cloudclinic/shared';
import { useNavigate, useParams } from 'react-router';
import { FieldRoom } from '../../features/field/FieldRoom';
import { NotFoundPage } from '../../pages/NotFoundPage';

/** `/field/consultations/:id`: the field doctor in the consultation (rear camera, marks, vitals). */
export function FieldConsultationPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  if (!id || !IdSchema.safeParse(id).success) return <NotFoundPage />;
  return (
    <div className="field-consult-page" data-testid="field-consultation-page">
      <FieldRoom key={id} consultationId={id} onLeave={() => void navigate('/field')} />
    </div>
  );
}
