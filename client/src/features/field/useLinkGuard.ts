import type { AudioOnlyCause } from '@cloudclinic/shared';
import { useEffect, useRef, useState } from 'react';
import type { StatsSample } from '../../media/connection-quality';
import type { RoomDataHub } from '../../media/room-data-hub';
import { LinkGuard, type LinkMode } from './link-guard';
import { linkState, type LinkCause, type LinkOverride } from './link-mode';
import { readLinkSample, type LinkSample } from './link-stats';

export interface UseLinkGuard {
  /** What is in force: the override, or the automatic decision. */
  mode: LinkMode;
  /** Chosen by the doctor, or decided from the link (the notice says which). */
  cause: LinkCause;
  auto: LinkMode;
  override: LinkOverride;
  setOverride(o: LinkOverride): void;
  sample: LinkSample | null;
}

const INTERVAL_MS = 1000;

/**
 * Reads the transports' stats every second, feeds the `LinkGuard`, and puts the room into (or out
 * of) audio-only accordingly — unless the doctor chose video or audio by hand.
 */
export function useLinkGuard(data: RoomDataHub, setAudioOnly: (audioOnly: boolean, cause: AudioOnlyCause) => void, joined: boolean): UseLinkGuard {
  const [auto, setAuto] = useState<LinkMode>('video');
  const [override, setOverride] = useState<LinkOverride>('auto');
  const [sample, setSample] = useState<LinkSample | null>(null);
  const guard = useRef(new LinkGuard());
  const counters = useRef<StatsSample | null>(null);

  useEffect(() => {
    if (!joined) {
      counters.current = null;
      return;
    }
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      data
        .stats()
        .then((reports) => {
          if (reports.length === 0) return;
          const { sample: s, counters: c } = readLinkSample(reports, counters.current);
          counters.current = c;
          setSample(s);
          setAuto(guard.current.feed(s, Date.now()));
        })
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    }, INTERVAL_MS);
    return () => clearInterval(timer);
  }, [data, joined]);

  const { mode, cause } = linkState(override, auto);
  useEffect(() => {
    setAudioOnly(mode === 'audio', cause === 'chosen' ? 'chosen' : 'poor_link');
  }, [mode, cause, setAudioOnly]);

  return { mode, cause, auto, override, setOverride, sample };
}
