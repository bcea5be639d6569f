import { readStats, type StatsSample } from '../../media/connection-quality';

/** What the fallback decision reads from the transports' stats, once a second. */
export interface LinkSample {
  /** Round-trip time (ms), worst transport; null: not measured yet. */
  rttMs: number | null;
  /** Share of packets lost over the last interval, worse of the two directions; null: unknown. */
  lossRatio: number | null;
  /** The sender's bandwidth estimate (kbps) on the send transport; null: unknown. */
  availableOutgoingKbps: number | null;
}

type StatsLike = Pick<RTCStatsReport, 'forEach'>;

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * One link sample from the current reports and the previous counters: downlink loss from the
 * inbound-rtp counter deltas, uplink loss from what the SFU reports back (remote-inbound-rtp
 * `fractionLost`), the bandwidth estimate from the selected candidate pair.
 */
export function readLinkSample(reports: readonly StatsLike[], previous: StatsSample | null): { sample: LinkSample; counters: StatsSample } {
  const counters = readStats(reports);
  let uplinkLoss: number | null = null;
  let outgoing: number | null = null;
  for (const report of reports) {
    report.forEach((s: Record<string, unknown>) => {
      if (s['type'] === 'remote-inbound-rtp') {
        const f = num(s['fractionLost']);
        if (f !== null) uplinkLoss = Math.max(uplinkLoss ?? 0, f);
      } else if (s['type'] === 'candidate-pair' && (s['selected'] === true || (s['nominated'] === true && s['state'] === 'succeeded'))) {
        const bps = num(s['availableOutgoingBitrate']);
        if (bps !== null) outgoing = outgoing === null ? bps / 1000 : Math.min(outgoing, bps / 1000);
      }
    });
  }
  let downlinkLoss: number | null = null;
  if (previous) {
    const received = counters.packetsReceived - previous.packetsReceived;
    const lost = counters.packetsLost - previous.packetsLost;
    if (received >= 0 && lost >= 0 && received + lost > 0) downlinkLoss = lost / (received + lost);
  }
  const losses = [downlinkLoss, uplinkLoss].filter((v): v is number => v !== null);
  return {
    sample: { rttMs: counters.rttMs, lossRatio: losses.length ? Math.max(...losses) : null, availableOutgoingKbps: outgoing },
    counters,
  };
}
