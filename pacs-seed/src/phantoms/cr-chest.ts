import { bell, clamp01, ellipse, seededNoise } from './random';

export const CR_GEOMETRY = { size: 512, spacing: 0.7 } as const;

/**
 * A PA chest radiograph (MONOCHROME2: dense = bright), 12-bit: attenuation summed along the beam
 * through the chest wall, shoulders and arms, two air-filled lungs, the heart and mediastinum,
 * diaphragm domes, spine, clavicles and posterior ribs, with a film-like response curve and
 * quantum noise. `child` scales the anatomy down. Displayed as usual: patient's left on the right.
 */
export function crChest(seed: number, opts: { child: boolean } = { child: false }): Uint16Array {
  const noise = seededNoise(seed);
  const { size, spacing } = CR_GEOMETRY;
  const k = opts.child ? 0.72 : 1;
  const img = new Uint16Array(size * size);
  for (let row = 0; row < size; row++) {
    const y = (row + 0.5 - size / 2) * spacing + 10; // mm, + inferior
    for (let col = 0; col < size; col++) {
      const x = (col + 0.5 - size / 2) * spacing; // mm, + patient's left (image right)
      const ax = Math.abs(x);
      // Chest wall: wide at the bases, narrowing to the neck; arms at the upper corners.
      const halfWidth = (150 - 0.0009 * Math.pow(Math.max(0, -y - 40), 2)) * k;
      const trunk = clamp01((halfWidth - ax) / 10) * clamp01((y + 205 * k - 0.45 * ax) / 12);
      const neck = clamp01((38 * k - ax) / 6) * (y < -120 * k ? 1 : 0);
      const arms = ellipse(ax, y, 180 * k, -95 * k, 42 * k, 120 * k, 8);
      let att = 0.55 * Math.max(trunk, neck) + 0.5 * arms;
      // Lungs: tall, their medial edges along the mediastinum, bases on the diaphragm domes.
      const dome = 95 * k - 28 * k * Math.cos((ax / (125 * k)) * (Math.PI / 2));
      const lungShape = (cx: number, rx: number) => ellipse(x, y, cx, -5 * k, rx, 150 * k, 10) * clamp01((dome - y) / 8);
      const lungs = clamp01(lungShape(-68 * k, 62 * k) + lungShape(70 * k, 58 * k));
      att -= 0.42 * lungs;
      // Heart (bulging to the patient's left), aortic knob, mediastinum.
      att += 0.4 * ellipse(x, y, 22 * k, 55 * k, 66 * k, 50 * k, 12);
      att += 0.2 * ellipse(x, y, 30 * k, -62 * k, 16 * k, 14 * k, 5);
      att += 0.2 * clamp01((30 * k - ax) / 8) * clamp01((y + 170 * k) / 10);
      // Below the diaphragm: liver and abdomen.
      att += 0.22 * clamp01((y - dome) / 10) * trunk;
      // Spine (seen through the mediastinum), clavicles, posterior ribs.
      att += 0.16 * clamp01((15 * k - ax) / 3);
      const clavicleY = -128 * k + 0.18 * ax - 0.0008 * ax * ax;
      if (ax > 14 * k && ax < 125 * k) att += 0.28 * bell(y, clavicleY, 6 * k);
      if (trunk > 0.5 && ax > 16 * k && ax < halfWidth - 6) {
        const ribPhase = (y + 0.0035 * ax * ax - 0.12 * ax + 150 * k) / (24 * k);
        if (ribPhase > 0 && ribPhase < 10) att += 0.14 * bell(ribPhase - Math.floor(ribPhase), 0.5, 0.25);
      }
      // Lung markings: vessels fanning out of each hilum, fading to the periphery.
      if (lungs > 0.5) {
        const hx = ax - 40 * k;
        const hy = y - 5 * k;
        const r = Math.hypot(hx, hy);
        if (r < 110 * k) att += 0.035 * bell(Math.sin(Math.atan2(hy, hx) * 11 + r * 0.05), 1, 0.6) * clamp01(1 - r / (110 * k));
      }
      const density = 1 - Math.exp(-1.5 * Math.max(0, att));
      img[row * size + col] = Math.max(0, Math.min(4095, Math.round(150 + 3700 * density + noise.normal() * 30)));
    }
  }
  return img;
}
