import fs from 'node:fs';
import { machineCpuTicks, processCpuSeconds } from './proc';

/**
 * How much CPU processes outside this bench run used while it ran (the machine is shared with
 * other engineers' builds and tests). Every 2 s: the machine's busy time minus the CPU of this
 * process and all its descendants (app servers, mediasoup workers, load generators, Chromium).
 * The load average cannot tell this: it counts the bench's own processes too.
 */
export class OtherLoadSampler {
  private prevBusy = machineCpuTicks().busy;
  private prevAt = performance.now();
  private prevOurs = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  /** [time (ms since epoch), cores used by other processes]. */
  readonly samples: [number, number][] = [];

  start(intervalMs = 2000): this {
    this.prevOurs = this.ourCpu();
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Mean and max cores used by others between two times. */
  between(from: number, to: number): { meanCores: number; maxCores: number; samples: number } {
    const xs = this.samples.filter(([t]) => t >= from && t <= to).map(([, c]) => c);
    return { meanCores: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0, maxCores: xs.length ? Math.max(...xs) : 0, samples: xs.length };
  }

  private tick(): void {
    const now = performance.now();
    const busy = machineCpuTicks().busy;
    const ours = this.ourCpu();
    let oursSec = 0;
    for (const [pid, cpu] of ours) {
      const prev = this.prevOurs.get(pid);
      // A process born since the last sample: nearly all its CPU was spent in this interval.
      oursSec += prev === undefined ? cpu : Math.max(0, cpu - prev);
    }
    const seconds = (now - this.prevAt) / 1000;
    const busySec = (busy - this.prevBusy) / 100;
    this.samples.push([Date.now(), Math.max(0, (busySec - oursSec) / seconds)]);
    this.prevBusy = busy;
    this.prevAt = now;
    this.prevOurs = ours;
  }

  private ourCpu(): Map<number, number> {
    const parent = new Map<number, number>();
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
        parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // exited while listing
      }
    }
    const tree = new Set([process.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, ppid] of parent) {
        if (!tree.has(pid) && tree.has(ppid)) {
          tree.add(pid);
          grew = true;
        }
      }
    }
    const out = new Map<number, number>();
    for (const pid of tree) {
      const cpu = processCpuSeconds(pid);
      if (cpu !== null) out.set(pid, cpu);
    }
    return out;
  }
}
