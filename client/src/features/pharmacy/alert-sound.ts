const MUTE_KEY = 'cloudclinic.pharmacy.alertMuted';

/** Whether the pharmacist turned the new-prescription sound off (kept in this browser). */
export function isAlertMuted(storage: Pick<Storage, 'getItem'> = localStorage): boolean {
  return storage.getItem(MUTE_KEY) === '1';
}

export function setAlertMuted(muted: boolean, storage: Pick<Storage, 'setItem' | 'removeItem'> = localStorage): void {
  if (muted) storage.setItem(MUTE_KEY, '1');
  else storage.removeItem(MUTE_KEY);
}

let context: AudioContext | null = null;

/**
 * Two short tones (Web Audio, no sound file). The browser may keep audio suspended until the page
 * has had a click; then the beep is silently skipped — the badge and the title still show the count.
 */
export function beep(): void {
  context ??= new AudioContext();
  const ctx = context;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const start = ctx.currentTime;
  [880, 1320].forEach((frequency, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    const t = start + i * 0.18;
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.2, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.15);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.16);
  });
}
