/** Link quality shown to the user; `unknown` until there are two stats samples. */
export type Quality = 'unknown' | 'good' | 'fair' | 'poor';

/** Cumulative counters and the latest RTT read from one or more `RTCStatsReport`s. */
export interface StatsSample {
  /** Round-trip time in ms (worst of the transports), or null when not measured yet. */
  rttMs: number | null;
  packetsReceived: number;
  packetsLost: number;
}

type StatsLike = Pick<RTCStatsReport, 'forEach'>;

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Reads RTT from the selected candidate pair (or, failing that, remote-inbound-rtp) and packet
 * counts from inbound-rtp, summed over every report (the send and the receive transport).
 */
export function readStats(reports: readonly StatsLike[]): StatsSample {
  const sample: StatsSample = { rttMs: null, packetsReceived: 0, packetsLost: 0 };
  for (const report of reports) {
    const rtt = { pair: null as number | null, remote: null as number | null };
    report.forEach((s: Record<string, unknown>) => {
      if (s['type'] === 'candidate-pair' && (s['selected'] === true || (s['nominated'] === true && s['state'] === 'succeeded'))) {
        const value = num(s['currentRoundTripTime']);
        if (value !== null) rtt.pair = Math.max(rtt.pair ?? 0, value * 1000);
      } else if (s['type'] === 'remote-inbound-rtp') {
        const value = num(s['roundTripTime']);
        if (value !== null) rtt.remote = Math.max(rtt.remote ?? 0, value * 1000);
      } else if (s['type'] === 'inbound-rtp') {
        sample.packetsReceived += num(s['packetsReceived']) ?? 0;
        sample.packetsLost += Math.max(0, num(s['packetsLost']) ?? 0);
      }
    });
    const ms = rtt.pair ?? rtt.remote;
    if (ms !== null && (sample.rttMs === null || ms > sample.rttMs)) sample.rttMs = ms;
  }
  return sample;
}

/** Thresholds for a consultation: lip-sync and turn-taking suffer beyond ~300 ms, video beyond ~5 % loss. */
export function classify(rttMs: number | null, lossRatio: number | null): Quality {
  if (rttMs === null && lossRatio === null) return 'unknown';
  const rtt = rttMs ?? 0;
  const loss = lossRatio ?? 0;
  if (rtt > 400 || loss > 0.08) return 'poor';
  if (rtt > 150 || loss > 0.02) return 'fair';
  return 'good';
}

/** Quality over the interval between two samples (loss from the counter deltas). */
export function assessQuality(previous: StatsSample | null, current: StatsSample): Quality {
  if (!previous) return classify(current.rttMs, null);
  const received = current.packetsReceived - previous.packetsReceived;
  const lost = current.packetsLost - previous.packetsLost;
  // Counters restart with new transports (a rejoin): no meaningful delta then.
  const lossRatio = received >= 0 && lost >= 0 && received + lost > 0 ? lost / (received + lost) : null;
  return classify(current.rttMs, lossRatio);
}
