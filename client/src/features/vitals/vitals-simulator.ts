import type { VitalsScenario } from '@cloudclinic/shared';

/** One moment of the monitor's numbers (null: not measured). */
export interface VitalNumbers {
  hr: number | null;
  spo2: number | null;
  sys: number | null;
  dia: number | null;
  rr: number | null;
  temp: number | null;
}

type Target = Required<{ [K in keyof VitalNumbers]: number }>;

/** Where each scenario drifts to (a patient does not jump from one state to another). */
export const SCENARIO_TARGETS: Readonly<Record<VitalsScenario, Target>> = {
  normal: { hr: 76, spo2: 98, sys: 122, dia: 78, rr: 16, temp: 36.8 },
  tachycardia: { hr: 138, spo2: 95, sys: 104, dia: 66, rr: 24, temp: 37.6 },
  desaturation: { hr: 108, spo2: 84, sys: 132, dia: 84, rr: 30, temp: 37.2 },
  bradycardia: { hr: 44, spo2: 96, sys: 96, dia: 58, rr: 14, temp: 36.5 },
};

/** NIBP is a cuff measurement: a new value only every so often, not continuously. */
const NIBP_INTERVAL_MS = 30_000;

/**
 * The demo monitor: numbers that move smoothly (first-order lag, ~20 s) towards the chosen
 * scenario, with the small jitter a real monitor shows. The ECG is drawn at the current `hr`.
 */
export class VitalsSimulator {
  private state: Target;
  private scenario: VitalsScenario;
  private lastTick: number;
  private lastNibp = -Infinity;
  private nibp: { sys: number; dia: number } | null = null;

  constructor(
    scenario: VitalsScenario = 'normal',
    private readonly random: () => number = Math.random,
    now = Date.now(),
  ) {
    this.scenario = scenario;
    this.state = { ...SCENARIO_TARGETS[scenario] };
    this.lastTick = now;
  }

  get current(): VitalsScenario {
    return this.scenario;
  }

  setScenario(scenario: VitalsScenario): void {
    this.scenario = scenario;
    this.lastNibp = -Infinity; // a deterioration prompts a fresh cuff reading
  }

  /** The hr that drives the ECG right now (beats per minute). */
  get heartRate(): number {
    return this.state.hr;
  }

  /** Advances to `now` and reads the numbers. */
  read(now = Date.now()): VitalNumbers {
    const dt = Math.max(0, Math.min(10_000, now - this.lastTick)) / 1000;
    this.lastTick = now;
    const target = SCENARIO_TARGETS[this.scenario];
    const k = 1 - Math.exp(-dt / 20);
    for (const key of Object.keys(target) as (keyof Target)[]) this.state[key] += (target[key] - this.state[key]) * k;
    if (now - this.lastNibp >= NIBP_INTERVAL_MS) {
      this.lastNibp = now;
      this.nibp = { sys: Math.round(this.state.sys + this.jitter(4)), dia: Math.round(this.state.dia + this.jitter(3)) };
    }
    return {
      hr: Math.round(this.state.hr + this.jitter(1.5)),
      spo2: Math.min(100, Math.round(this.state.spo2 + this.jitter(0.6))),
      sys: this.nibp?.sys ?? null,
      dia: this.nibp?.dia ?? null,
      rr: Math.round(this.state.rr + this.jitter(1)),
      temp: Math.round((this.state.temp + this.jitter(0.05)) * 10) / 10,
    };
  }

  private jitter(amplitude: number): number {
    return (this.random() - 0.5) * 2 * amplitude;
  }
}
