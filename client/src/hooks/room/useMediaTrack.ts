import { useEffect, type RefObject } from 'react';

/** Plays `track` in a `<video>` / `<audio>` element (nothing when null). */
export function useMediaTrack(ref: RefObject<HTMLMediaElement | null>, track: MediaStreamTrack | null | undefined): void {
  useEffect(() => {
    const element = ref.current;
    if (!element || !track) return;
    element.srcObject = new MediaStream([track]);
    element.play().catch(() => undefined); // autoplay may wait for a user gesture; `autoplay` retries
    return () => {
      element.srcObject = null;
    };
  }, [ref, track]);
}
