/** The IPC contracts of the RTP load generator and receiver processes (media/rtp-sender.ts, rtp-receiver.ts). */

export interface StreamSpec {
  id: string;
  kind: 'audio' | 'video';
  ssrc: number;
  /** Where the producer's PlainTransport listens (comedia: it learns our address from the first packet). */
  host: string;
  port: number;
}

export interface StreamCounters {
  id: string;
  packets: number;
  bytes: number;
  frames: number;
  keyFrameRequests: number;
}

export interface SenderSnapshot {
  at: number;
  streams: StreamCounters[];
  /** How late frames left compared with their schedule, since the previous snapshot. */
  latenessMs: { p99: number; max: number; samples: number };
}

export interface SenderApi extends Record<string, (arg: never) => unknown> {
  addStreams(arg: { streams: StreamSpec[] }): void;
  removeStreams(arg: { ids: string[] }): void;
  /** Hold every stream (frames that fall due are skipped), e.g. to let in-flight packets drain. */
  setPaused(arg: { paused: boolean }): void;
  snapshot(arg: null): SenderSnapshot;
}

/** Per received SSRC: [ssrc, packets, bytes, expected (from sequence numbers), frames, freezes, freezeMs] (cumulative) and maxFrameGapMs (since the previous snapshot). */
export type SsrcRow = [number, number, number, number, number, number, number, number];

export interface ReceiverSnapshot {
  at: number;
  rows: SsrcRow[];
  rtcpPackets: number;
  loopDelayMs: { p99: number; max: number };
}

export interface ReceiverApi extends Record<string, (arg: never) => unknown> {
  open(arg: { sockets: number }): { ports: number[] };
  snapshot(arg: null): ReceiverSnapshot;
}
