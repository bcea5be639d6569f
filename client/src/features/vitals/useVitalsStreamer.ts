import type { VitalsScenario } from '@cloudclinic/shared';
import { useEffect, useMemo, useState } from 'react';
import type { RoomDataHub } from '../../media/room-data-hub';
import { VitalsStreamer, type StreamerStats } from './vitals-streamer';
import { VitalsUploader, type UploadReadings } from './vitals-uploader';

export interface UseVitalsStreamer {
  stats: StreamerStats | null;
  /** Readings waiting to reach the record (link down). */
  pending: number;
  streaming: boolean;
  setStreaming(on: boolean): void;
  setScenario(s: VitalsScenario): void;
}

/** Field side: the simulated monitor streamed to the room, and a reading into the record every 30 s. */
export function useVitalsStreamer(data: RoomDataHub, upload: UploadReadings): UseVitalsStreamer {
  const [stats, setStats] = useState<StreamerStats | null>(null);
  const [pending, setPending] = useState(0);
  const [streaming, setStreaming] = useState(true);
  const uploader = useMemo(() => new VitalsUploader(upload, setPending), [upload]);
  const streamer = useMemo(() => new VitalsStreamer(data, (r) => uploader.add(r), setStats), [data, uploader]);
  useEffect(() => () => uploader.close(), [uploader]);
  useEffect(() => {
    if (!streaming) return;
    streamer.start();
    return () => streamer.stop();
  }, [streamer, streaming]);
  return { stats, pending, streaming, setStreaming, setScenario: (s) => streamer.setScenario(s) };
}
