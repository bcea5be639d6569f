import { DATA_LABELS, type ParticipantRole } from '@cloudclinic/shared';
import { forbidden } from '../../lib/errors';

/**
 * Who may open which field data channel (the SFU forwards them to everyone in the room): the
 * monitor's vitals come from the field doctor, the marks on the field video from an expert.
 * Receivers check the sender too; this keeps a kiosk or observer from even offering them.
 */
const PRODUCERS: Readonly<Record<string, readonly ParticipantRole[]>> = {
  [DATA_LABELS.vitalsNumbers]: ['field_doctor'],
  [DATA_LABELS.vitalsEcg]: ['field_doctor'],
  [DATA_LABELS.marks]: ['expert'],
  [DATA_LABELS.marksCamera2]: ['expert'],
};

export function assertMayProduceData(role: ParticipantRole, label: string): void {
  const allowed = PRODUCERS[label];
  if (allowed && !allowed.includes(role)) throw forbidden(`A ${role} may not send on ${label}`);
}
