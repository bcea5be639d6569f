import { clamp01, ellipse, seededNoise } from './random';

export const US_GEOMETRY = { rows: 240, cols: 320, frames: 32, frameTimeMs: 33.3, spacing: 0.5 } as const;

/**
 * A parasternal long-axis echo cine (8-bit MONOCHROME2, one heartbeat in 32 frames): a sector
 * scan with speckle, the left ventricle and left atrium as dark blood pools, the septum and
 * posterior wall as bright myocardium that thickens as the ventricle contracts.
 */
export function usCardiac(seed: number): Uint8Array[] {
  const noise = seededNoise(seed);
  const { rows, cols, frames } = US_GEOMETRY;
  const speckle = new Float32Array(rows * cols);
  for (let i = 0; i < speckle.length; i++) speckle[i] = Math.hypot(noise.normal(), noise.normal()) / 1.25; // Rayleigh
  const apexX = cols / 2;
  const halfAngle = (40 * Math.PI) / 180;
  const out: Uint8Array[] = [];
  for (let f = 0; f < frames; f++) {
    const phase = f / frames;
    // Systole over the first 40 % of the cycle: the ventricle shrinks, then refills.
    const contraction = phase < 0.4 ? Math.sin((phase / 0.4) * (Math.PI / 2)) : Math.cos(((phase - 0.4) / 0.6) * (Math.PI / 2));
    const lvW = 58 - 14 * contraction;
    const lvH = 26 - 7 * contraction;
    const frame = new Uint8Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const dx = c - apexX;
        const depth = Math.hypot(dx, r + 4);
        const angle = Math.atan2(dx, r + 4);
        if (Math.abs(angle) > halfAngle || depth > 232 || depth < 8) continue;
        // Tissue echogenicity map in image coordinates.
        let echo = 0.35;
        const lv = ellipse(c, r, 150, 120, lvW, lvH, 3);
        const la = ellipse(c, r, 225, 128, 28 + 4 * contraction, 20 + 3 * contraction, 3);
        const aorta = ellipse(c, r, 222, 86, 26, 11, 2);
        const septum = ellipse(c, r, 150, 120 - lvH - 8 - 3 * contraction, lvW + 12, 9 + 4 * contraction, 2);
        const posterior = ellipse(c, r, 150, 120 + lvH + 8 + 3 * contraction, lvW + 10, 8 + 4 * contraction, 2);
        const pericardium = ellipse(c, r, 160, 120 + lvH + 20, lvW + 30, 4, 2);
        echo += 0.45 * clamp01(septum + posterior);
        echo += 0.65 * pericardium;
        echo *= 1 - 0.92 * clamp01(lv + la + aorta);
        // Mitral leaflets: bright lines that open in diastole.
        const leaflet = Math.abs(c - 198 - 10 * (1 - contraction)) < 2 && Math.abs(r - 120) < 14 * (1 - contraction) + 3 ? 0.8 : 0;
        echo += leaflet;
        // Depth attenuation with time-gain compensation, a little near-field clutter.
        const gain = 0.95 - 0.25 * (depth / 232) + (depth < 30 ? 0.25 : 0);
        const s = speckle[r * cols + ((c + Math.round(contraction * 2)) % cols)] ?? 1;
        frame[r * cols + c] = Math.max(0, Math.min(255, Math.round(255 * clamp01(echo * gain * s * 0.9))));
      }
    }
    out.push(frame);
  }
  return out;
}
