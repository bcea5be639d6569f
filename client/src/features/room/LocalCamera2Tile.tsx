import { DATA_LABELS } from '@cloudclinic/shared';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../hooks/useSession';
import { useRoomContext } from '../../hooks/room/RoomContext';
import { MarksCanvas } from '../annotations/MarksCanvas';
import { useMarksReceiver } from '../annotations/useMarks';
import { expertPeerIds } from './second-source';
import { VideoTrack } from './VideoTrack';
import '../../styles/field-room.css';

/** This user's own second video source (not mirrored: a device picture), with the experts' marks over it. */
export function LocalCamera2Tile({ track }: { track: MediaStreamTrack }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { state, data } = useRoomContext();
  const marks = useMarksReceiver(data, user?.id ?? null, expertPeerIds(state.participants), DATA_LABELS.marksCamera2);
  const video = useRef<HTMLVideoElement>(null);
  const title = t('room.camera2.own');
  return (
    <figure className="tile tile--camera2" data-testid="local-camera2-tile" aria-label={title}>
      <VideoTrack track={track} testId="local-camera2" fit="contain" label={title} videoRef={video} />
      <MarksCanvas marks={marks.marks} video={video} testId="camera2-marks-overlay" label={t('room.camera2.marks')} dataRev={marks.rev} />
      <figcaption className="tile__caption">
        <span className="tile__name">{title}</span>
      </figcaption>
    </figure>
  );
}
