import { useRef, type RefObject } from 'react';
import { useMediaTrack } from '../../hooks/room/useMediaTrack';
import { useTilePreferredLayer } from '../../hooks/room/useTilePreferredLayer';

interface VideoTrackProps {
  track: MediaStreamTrack;
  /** Remote consumers only: the SFU is asked for the layer matching the rendered size. */
  consumerId?: string;
  testId: string;
  role?: string;
  mirrored?: boolean;
  fit?: 'cover' | 'contain';
  label: string;
  /** The `<video>` element, for overlays that need its picture size (e.g. marks). */
  videoRef?: RefObject<HTMLVideoElement | null>;
}

/** A muted, inline, autoplaying `<video>` for one track. */
export function VideoTrack({ track, consumerId, testId, role, mirrored, fit = 'cover', label, videoRef }: VideoTrackProps) {
  const own = useRef<HTMLVideoElement>(null);
  const ref = videoRef ?? own;
  useMediaTrack(ref, track);
  useTilePreferredLayer(ref, consumerId);
  return (
    <video
      ref={ref}
      className={`tile__video tile__video--${fit}${mirrored ? ' tile__video--mirrored' : ''}`}
      autoPlay
      playsInline
      muted
      aria-label={label}
      data-testid={testId}
      data-peer-role={role}
      data-consumer-id={consumerId}
    />
  );
}
