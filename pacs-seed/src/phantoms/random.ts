/** A seeded PRNG (mulberry32) with a normal draw: the same seed gives the same images on every machine. */
export interface Noise {
  uniform(): number;
  normal(): number;
}

export function seededNoise(seed: number): Noise {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u = Math.max(uniform(), Number.EPSILON);
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return { uniform, normal };
}

/** Inside-ness of an ellipse with a soft edge of `edge` units: 1 inside, 0 outside. */
export function ellipse(x: number, y: number, cx: number, cy: number, rx: number, ry: number, edge = 1): number {
  if (rx <= 0 || ry <= 0) return 0;
  const dx = (x - cx) / rx;
  const dy = (y - cy) / ry;
  const d = Math.sqrt(dx * dx + dy * dy); // 1 on the boundary
  const scale = Math.min(rx, ry);
  return clamp01(((1 - d) * scale) / edge + 0.5);
}

export function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** Bell-shaped profile along one axis: 1 at `centre`, falling to 0 at `centre ± halfWidth`. */
export function bell(v: number, centre: number, halfWidth: number): number {
  const t = (v - centre) / halfWidth;
  return t <= -1 || t >= 1 ? 0 : 0.5 * (1 + Math.cos(Math.PI * t));
}
