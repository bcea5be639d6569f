import { useRef } from 'react';
import { useMediaTrack } from '../../hooks/room/useMediaTrack';
import { useRoomContext } from '../../hooks/room/RoomContext';
import type { RemoteTrackState } from '../../state/room-store';

function AudioTrack({ track, role }: { track: RemoteTrackState; role: string }) {
  const ref = useRef<HTMLAudioElement>(null);
  useMediaTrack(ref, track.track);
  return <audio ref={ref} autoPlay data-testid="remote-audio" data-peer-role={role} data-consumer-id={track.consumerId} hidden />;
}

/** One hidden `<audio autoplay>` per remote audio track (microphones and shared-screen sound). */
export function RemoteAudio() {
  const { participants } = useRoomContext().state;
  return (
    <div className="room-audio" aria-hidden="true">
      {participants.flatMap((p) =>
        [p.tracks.microphone, p.tracks.screen_audio]
          .filter((t): t is RemoteTrackState => t !== undefined)
          .map((t) => <AudioTrack key={t.consumerId} track={t} role={p.participantRole} />),
      )}
    </div>
  );
}
