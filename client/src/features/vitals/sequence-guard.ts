/**
 * Never render out of order: accepts a message only if its sequence number is newer than the last
 * accepted one of the same stream. A new stream id (the sender restarted) starts afresh. Late
 * messages (reordered by an unordered channel, or overtaken after a loss) are counted and dropped.
 */
export class SequenceGuard {
  private stream: number | null = null;
  private last = -1;
  private lateCount = 0;
  private acceptedCount = 0;

  accept(stream: number, seq: number): boolean {
    if (stream !== this.stream) {
      this.stream = stream;
      this.last = seq;
      this.acceptedCount += 1;
      return true;
    }
    if (seq <= this.last) {
      this.lateCount += 1;
      return false;
    }
    this.last = seq;
    this.acceptedCount += 1;
    return true;
  }

  /** Messages missing so far between accepted ones would be `lastSeq - accepted`; we report what we saw. */
  get lastSeq(): number {
    return this.last;
  }

  get late(): number {
    return this.lateCount;
  }

  get accepted(): number {
    return this.acceptedCount;
  }
}
