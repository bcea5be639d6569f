import { bell, clamp01, ellipse, seededNoise } from './random';

export interface MrGeometry {
  size: number;
  spacing: number;
  slices: number;
  thickness: number;
}

export const MR_GEOMETRY: MrGeometry = { size: 256, spacing: 0.9375, slices: 20, thickness: 5 };

export type MrWeighting = 'T1' | 'T2';

/** Signal of each tissue per weighting (arbitrary scanner units, as MR magnitude images have). */
const SIGNAL: Record<MrWeighting, { scalp: number; skull: number; csf: number; gray: number; white: number; fat: number }> = {
  T1: { scalp: 620, skull: 40, csf: 180, gray: 520, white: 720, fat: 980 },
  T2: { scalp: 380, skull: 30, csf: 1250, gray: 640, white: 430, fat: 560 },
};

/**
 * An axial head MR, vertex-down order reversed (skull base first): scalp and fat, skull, CSF,
 * cortical gray matter with sulci, white matter, lateral and third ventricles, and small
 * periventricular white-matter hyperintensities (bright on T2) — the sort of finding a
 * neurologist and a county doctor look at together.
 */
export function mrBrain(seed: number, weighting: MrWeighting, g: MrGeometry = MR_GEOMETRY): Uint16Array[] {
  const noise = seededNoise(seed);
  const s = SIGNAL[weighting];
  const out: Uint16Array[] = [];
  for (let k = 0; k < g.slices; k++) {
    const t = k / (g.slices - 1); // 0 near the skull base, 1 near the vertex
    const head = Math.sqrt(Math.max(0, 1 - Math.pow((t - 0.35) / 0.78, 2)));
    const ventricles = bell(t, 0.55, 0.22);
    const slice = new Uint16Array(g.size * g.size);
    for (let row = 0; row < g.size; row++) {
      const y = (row + 0.5 - g.size / 2) * g.spacing; // + posterior
      for (let col = 0; col < g.size; col++) {
        const x = (col + 0.5 - g.size / 2) * g.spacing;
        const outer = ellipse(x, y, 0, 4, 76 * head, 96 * head, 1.5);
        if (outer === 0) {
          slice[row * g.size + col] = Math.abs(noise.normal() * 12);
          continue;
        }
        let v = s.scalp;
        v = mix(v, s.fat, ellipse(x, y, 0, 4, 73 * head, 93 * head, 1) - ellipse(x, y, 0, 4, 70 * head, 90 * head, 1));
        v = mix(v, s.skull, ellipse(x, y, 0, 4, 69 * head, 89 * head, 1.2));
        v = mix(v, s.csf, ellipse(x, y, 0, 4, 64 * head, 84 * head, 1.2));
        const brain = ellipse(x, y, 0, 4, 62 * head, 82 * head, 1.5);
        if (brain > 0) {
          // Gyri: the cortical ribbon folds, CSF in the sulci between the folds.
          const theta = Math.atan2(y - 4, x);
          const radial = Math.hypot(x / (62 * head || 1), (y - 4) / (82 * head || 1));
          const sulcus = radial > 0.82 && Math.sin(theta * 22 + t * 9) > 0.75 ? 1 : 0;
          const cortex = mix(s.gray, s.csf, sulcus * 0.8);
          const white = ellipse(x, y, 0, 4, 50 * head, 69 * head, 3) * (1 - 0.35 * Math.max(0, Math.sin(theta * 11) * (radial > 0.6 ? 1 : 0)));
          v = mix(v, mix(cortex, s.white, white), brain);
          // The falx between the hemispheres.
          v = mix(v, s.csf, (Math.abs(x) < 1.2 ? 1 : 0) * (radial > 0.5 ? 1 : 0) * brain);
          // Deep gray nuclei and the lateral ventricles.
          if (ventricles > 0) {
            v = mix(v, s.gray, ellipse(x, y, -20, 0, 9 * ventricles, 14 * ventricles, 2) + ellipse(x, y, 20, 0, 9 * ventricles, 14 * ventricles, 2));
            v = mix(v, s.csf, ellipse(x, y, -9, -8, 6 * ventricles, 26 * ventricles, 1.2) + ellipse(x, y, 9, -8, 6 * ventricles, 26 * ventricles, 1.2));
            v = mix(v, s.csf, ellipse(x, y, 0, 8, 2.5 * ventricles, 10 * ventricles, 1));
          }
          // Periventricular white-matter hyperintensities (chronic small-vessel disease).
          const wmh = ellipse(x, y, -24, -30, 4, 3, 1) + ellipse(x, y, 27, 26, 3, 4, 1) + ellipse(x, y, 21, -34, 2.5, 2.5, 1);
          if (t > 0.45 && t < 0.8) v = mix(v, weighting === 'T2' ? s.csf * 0.85 : s.gray * 0.85, wmh);
        }
        // Orbits and the nasal cavity at the lowest slices.
        if (t < 0.2) {
          v = mix(v, s.fat, ellipse(x, y, -30, -70, 16, 14, 2) + ellipse(x, y, 30, -70, 16, 14, 2));
          v = mix(v, s.skull, ellipse(x, y, 0, -78, 8, 14, 1.5));
        }
        // Receive-coil shading and Rician-like noise.
        const shading = 1.08 - 0.16 * clamp01(Math.hypot(x, y - 4) / 90);
        slice[row * g.size + col] = Math.max(0, Math.round(Math.abs(v * shading + noise.normal() * 14)));
      }
    }
    out.push(slice);
  }
  return out;
}

function mix(a: number, b: number, w: number): number {
  return a + (b - a) * clamp01(w);
}
