import { bell, clamp01, ellipse, seededNoise } from './random';

export interface CtGeometry {
  size: number;
  /** mm per pixel. */
  spacing: number;
  slices: number;
  /** mm between slice centres (= slice thickness). */
  thickness: number;
}

export const CT_GEOMETRY: CtGeometry = { size: 256, spacing: 1.5, slices: 40, thickness: 5 };

const HU = { air: -1000, lung: -860, fat: -100, muscle: 45, blood: 40, liver: 60, bone: 450, cortex: 900, nodule: 25 } as const;

interface Vessel {
  x: number;
  y: number;
  dx: number;
  dy: number;
  r: number;
  side: -1 | 1;
}

/**
 * A chest CT in Hounsfield units, apex to base: body wall with fat, two lungs with branching
 * vessels, heart, aorta, trachea and bronchi, spine, sternum, ribs, and a liver dome at the base;
 * `nodule: true` adds a 12 mm nodule in the right upper lobe. Returns one Int16Array per slice.
 */
export function ctChest(seed: number, opts: { nodule: boolean } = { nodule: false }, g: CtGeometry = CT_GEOMETRY): Int16Array[] {
  const noise = seededNoise(seed);
  const vessels: Vessel[] = Array.from({ length: 140 }, () => {
    const side = noise.uniform() < 0.5 ? -1 : 1;
    const angle = noise.uniform() * Math.PI * 2;
    return { x: side * 70 + Math.cos(angle) * 10, y: -5 + Math.sin(angle) * 12, dx: Math.cos(angle) * (20 + noise.uniform() * 45), dy: Math.sin(angle) * (30 + noise.uniform() * 55), r: 0.8 + noise.uniform() * 2.2, side };
  });
  const out: Int16Array[] = [];
  for (let s = 0; s < g.slices; s++) {
    const t = s / (g.slices - 1); // 0 at the apex, 1 at the lung bases
    const lungScale = Math.pow(Math.sin(Math.PI * (0.08 + 0.84 * Math.min(t, 0.95))), 0.5);
    const heart = bell(t, 0.68, 0.32);
    const liver = bell(t, 1.05, 0.3);
    const slice = new Int16Array(g.size * g.size);
    const lungMask = new Uint8Array(g.size * g.size);
    for (let row = 0; row < g.size; row++) {
      const y = (row + 0.5 - g.size / 2) * g.spacing; // + posterior
      for (let col = 0; col < g.size; col++) {
        const x = (col + 0.5 - g.size / 2) * g.spacing; // + patient's left
        const i = row * g.size + col;
        const body = ellipse(x, y, 0, 5, 165, 115, 2);
        if (body === 0) {
          slice[i] = HU.air;
          continue;
        }
        const innerWall = ellipse(x, y, 0, 5, 150, 101, 3);
        let hu = HU.fat + (HU.muscle - HU.fat) * innerWall;
        // Ribs: oblique bony arcs in the chest wall, their position shifting from slice to slice.
        const wallBand = ellipse(x, y, 0, 5, 146, 97, 2) - ellipse(x, y, 0, 5, 137, 89, 2);
        if (wallBand > 0 && y > -90) {
          const theta = Math.atan2(y - 5, x);
          if (Math.sin(theta * 9 + t * 38) > 0.55) hu = mix(hu, HU.cortex, wallBand);
        }
        // Lungs (the left one smaller: the heart sits there), minus the liver dome.
        const rightLung = ellipse(x, y, -68, -2, 58 * lungScale, 82 * lungScale, 2);
        const leftLung = ellipse(x, y, 70, -2, 54 * lungScale, 80 * lungScale, 2) * (1 - ellipse(x, y, 22, -28, 58 * heart, 48 * heart, 3));
        const liverDome = ellipse(x, y, -55, 12, 95 * liver, 82 * liver, 3);
        const lung = clamp01(Math.max(rightLung, leftLung) - liverDome);
        if (lung > 0) {
          hu = mix(hu, HU.lung, lung);
          if (lung > 0.5) lungMask[i] = 1;
        }
        if (liverDome > 0) hu = mix(hu, HU.liver, liverDome * innerWall);
        // Mediastinum: heart, ascending and descending aorta, trachea / main bronchi.
        if (heart > 0) hu = mix(hu, HU.blood, ellipse(x, y, 22, -28, 52 * heart, 43 * heart, 2));
        hu = mix(hu, HU.fat, ellipse(x, y, 4, -30, 30, 26, 4) * (1 - heart) * bell(t, 0.35, 0.3));
        hu = mix(hu, HU.blood, ellipse(x, y, 2, -38, 14, 14, 1.5) * bell(t, 0.42, 0.16));
        hu = mix(hu, HU.blood, ellipse(x, y, 24, 50, 11, 11, 1.5) * (t > 0.28 ? 1 : 0));
        if (t < 0.42) hu = mix(hu, HU.air, ellipse(x, y, 0, -22, 9, 8, 1));
        else if (t < 0.55) {
          hu = mix(hu, HU.air, ellipse(x, y, -18 - (t - 0.42) * 60, -18, 6, 5.5, 1));
          hu = mix(hu, HU.air, ellipse(x, y, 18 + (t - 0.42) * 60, -18, 5.5, 5, 1));
        }
        // Spine: vertebral body (cancellous bone inside a cortex), canal, spinous process; sternum.
        const vertebra = ellipse(x, y, 0, 82, 21, 19, 1.5);
        if (vertebra > 0) hu = mix(hu, mix(HU.cortex, HU.bone, ellipse(x, y, 0, 82, 17, 15, 1.5)), vertebra);
        hu = mix(hu, HU.muscle - 20, ellipse(x, y, 0, 108, 8, 8, 1));
        hu = mix(hu, HU.cortex, ellipse(x, y, 0, 126, 5, 12, 1) + ellipse(x, y, -14, 112, 4, 8, 1) + ellipse(x, y, 14, 112, 4, 8, 1));
        if (t > 0.15 && t < 0.8) hu = mix(hu, HU.bone + 100, ellipse(x, y, 0, -104, 13, 6, 1.5));
        // The finding worth measuring: a solid nodule in the right upper lobe.
        if (opts.nodule) {
          const zmm = (t - 0.3) * (g.slices - 1) * g.thickness;
          const r2 = 36 - zmm * zmm;
          if (r2 > 0) hu = mix(hu, HU.nodule, ellipse(x, y, -82, -22, Math.sqrt(r2), Math.sqrt(r2), 1.2));
        }
        slice[i] = Math.round(hu);
      }
    }
    drawVessels(slice, lungMask, vessels, t, g);
    for (let i = 0; i < slice.length; i++) {
      const v = slice[i] ?? HU.air;
      slice[i] = Math.max(-1024, Math.min(3071, Math.round(v + (v > -990 ? noise.normal() * 11 : noise.normal() * 3))));
    }
    out.push(slice);
  }
  return out;
}

/** Pulmonary vessels: tubes running from each hilum outwards; their cross-sections drift with z. */
function drawVessels(slice: Int16Array, lungMask: Uint8Array, vessels: readonly Vessel[], t: number, g: CtGeometry): void {
  const along = Math.abs(Math.sin(t * Math.PI * 2.3));
  for (const v of vessels) {
    const cx = v.x + v.dx * along * 1.4;
    const cy = v.y + v.dy * (0.3 + 0.7 * t);
    const r = v.r * (1.2 - 0.6 * along);
    const c0 = Math.floor((cx - r) / g.spacing + g.size / 2);
    const c1 = Math.ceil((cx + r) / g.spacing + g.size / 2);
    const r0 = Math.floor((cy - r) / g.spacing + g.size / 2);
    const r1 = Math.ceil((cy + r) / g.spacing + g.size / 2);
    for (let row = Math.max(0, r0); row <= Math.min(g.size - 1, r1); row++) {
      for (let col = Math.max(0, c0); col <= Math.min(g.size - 1, c1); col++) {
        const i = row * g.size + col;
        if (!lungMask[i]) continue;
        const x = (col + 0.5 - g.size / 2) * g.spacing;
        const y = (row + 0.5 - g.size / 2) * g.spacing;
        const inside = ellipse(x, y, cx, cy, r, r, 0.8);
        if (inside > 0) slice[i] = Math.round(mix(slice[i] ?? 0, HU.blood - 10, inside));
      }
    }
  }
}

function mix(a: number, b: number, w: number): number {
  return a + (b - a) * clamp01(w);
}
