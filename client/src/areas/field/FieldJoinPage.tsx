import { useSearchParams } from 'react-router';
import { JoinInvitation } from '../../features/field/JoinInvitation';

/** `/field/join?t=<invitation>`: the target of the invitation link and QR code. */
export function FieldJoinPage() {
  const [params] = useSearchParams();
  return (
    <div className="page" data-testid="field-join-page">
      <JoinInvitation token={params.get('t')} />
    </div>
  );
}
