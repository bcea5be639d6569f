import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RoomProvider } from '../../hooks/room/RoomContext';
import { useRoom, type UseRoomOptions } from '../../hooks/room/useRoom';
import '../../styles/room.css';
import { ConnectionBanner } from './ConnectionBanner';
import { ConnectionStatus } from './ConnectionStatus';
import { ControlBar } from './ControlBar';
import { MediaErrorNotices } from './MediaErrorNotices';
import { QualityIndicator } from './QualityIndicator';
import { RemoteAudio } from './RemoteAudio';
import { RoomEndedNotice } from './RoomEndedNotice';
import { RoomStage, type TileOverride } from './RoomStage';

export type RoomViewProps = RoomViewOptions & ({ consultationId: string } | { mdtMeetingId: string });

interface RoomViewOptions {
  /** Shown beside the video (e.g. the patient's HIS record on the consultation page). */
  sidePanel?: ReactNode;
  /** Called after the user pressed "leave" (and from the ended notice's back button). */
  onLeave?: () => void;
  /** What to send on arrival (default: microphone and camera). */
  startWith?: UseRoomOptions['startWith'];
  /** `patient` (the kiosk): big mute and leave only, no clinician controls. */
  controls?: 'full' | 'patient';
  /** Replaces the standard tile of some participants (each still appears exactly once). */
  tileFor?: TileOverride;
}

/** The consultation room (or an MDT sitting's room): joins on mount, leaves on unmount. */
export function RoomView(props: RoomViewProps) {
  const { sidePanel, onLeave, startWith, controls = 'full', tileFor } = props;
  const { t } = useTranslation();
  const room = useRoom('mdtMeetingId' in props ? { mdtMeetingId: props.mdtMeetingId } : { consultationId: props.consultationId }, startWith ? { startWith } : {});
  const { state } = room;
  return (
    <RoomProvider room={room}>
      <section className="room" aria-label={t('room.title')} data-connection={state.connection.state}>
        <div className="room__status">
          <ConnectionStatus />
          <QualityIndicator />
        </div>
        <ConnectionBanner />
        {/* The side panel (record, note, prescription) stays usable even when the media has ended or failed. */}
        <div className={`room__body${sidePanel ? ' room__body--with-panel' : ''}`}>
          {state.ended ? <RoomEndedNotice {...(onLeave ? { onBack: onLeave } : {})} /> : <RoomStage {...(tileFor ? { tileFor } : {})} />}
          {sidePanel ? <aside className="room__side">{sidePanel}</aside> : null}
        </div>
        {state.ended ? null : (
          <>
            <MediaErrorNotices />
            <ControlBar patient={controls === 'patient'} {...(onLeave ? { onLeave } : {})} />
          </>
        )}
        <RemoteAudio />
      </section>
    </RoomProvider>
  );
}
