/**
 * A plausible ECG (lead II) from a sum of Gaussian waves per beat — the P wave, the QRS complex
 * and the T wave — after McSharry et al. (2003), simplified: each wave's position and width
 * scale with the RR interval the way the QT interval does (Bazett), so tachycardia compresses the
 * beat instead of merely repeating it faster. A little noise and a slow baseline wander make it
 * look like a monitor rather than a textbook.
 */
interface Wave {
  /** Centre, as a fraction of a 1-second RR interval after the R peak's nominal place. */
  at: number;
  /** Amplitude (mV). */
  a: number;
  /** Width (s) at RR = 1 s. */
  w: number;
}

const WAVES: readonly Wave[] = [
  { at: -0.2, a: 0.12, w: 0.025 }, // P
  { at: -0.03, a: -0.12, w: 0.01 }, // Q
  { at: 0, a: 1.2, w: 0.011 }, // R
  { at: 0.035, a: -0.25, w: 0.011 }, // S
  { at: 0.3, a: 0.3, w: 0.05 }, // T
];

export interface EcgSynthOptions {
  sampleRate: number;
  /** Deterministic noise for tests. */
  random?: () => number;
}

export class EcgSynth {
  private t = 0;
  /** Time of the next R peak (s). */
  private nextR = 0.4;
  private prevR = -0.6;
  private readonly random: () => number;

  constructor(private readonly opts: EcgSynthOptions) {
    this.random = opts.random ?? Math.random;
  }

  /** The next `count` samples (mV) at heart rate `hr` (beats per minute). */
  next(count: number, hr: number): number[] {
    const out: number[] = [];
    const dt = 1 / this.opts.sampleRate;
    for (let i = 0; i < count; i += 1) {
      if (this.t >= this.nextR) {
        const rr = 60 / Math.max(20, Math.min(250, hr));
        // Beat-to-beat variability (a few %), as in sinus rhythm.
        this.prevR = this.nextR;
        this.nextR += rr * (1 + (this.random() - 0.5) * 0.06);
      }
      out.push(this.valueAt(this.t));
      this.t += dt;
    }
    return out;
  }

  private valueAt(t: number): number {
    let v = this.beat(t - this.prevR, this.nextR - this.prevR) + this.beat(t - this.nextR, this.nextR - this.prevR);
    v += 0.04 * Math.sin(2 * Math.PI * 0.25 * t); // respiration baseline wander
    v += (this.random() - 0.5) * 0.02; // muscle / electrode noise
    return v;
  }

  /** One beat's waves around its R peak (`dt` seconds from it), for an RR interval `rr`. */
  private beat(dt: number, rr: number): number {
    const scale = Math.sqrt(Math.max(0.25, Math.min(1.6, rr)));
    let v = 0;
    for (const w of WAVES) {
      // P and T move with the cycle length; QRS keeps its width.
      const centre = Math.abs(w.at) > 0.05 ? w.at * scale : w.at;
      const width = Math.abs(w.at) > 0.05 ? w.w * scale : w.w;
      const x = dt - centre;
      v += w.a * Math.exp(-(x * x) / (2 * width * width));
    }
    return v;
  }
}
