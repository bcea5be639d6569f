import type { WINDOW_PRESETS } from '@cloudclinic/shared';

export type WindowPreset = (typeof WINDOW_PRESETS)[number];

/** CT window presets in Hounsfield units (centre / width), as radiology departments use them. */
export const CT_WINDOWS: Record<WindowPreset, { center: number; width: number }> = {
  lung: { center: -600, width: 1500 },
  mediastinum: { center: 40, width: 400 },
  bone: { center: 480, width: 2500 },
  brain: { center: 40, width: 80 },
  abdomen: { center: 50, width: 350 },
};

/** Which preset a window matches (within a few HU), to highlight it in the toolbar. */
export function presetOf(voi: { center: number; width: number } | null): WindowPreset | null {
  if (!voi) return null;
  for (const [name, w] of Object.entries(CT_WINDOWS) as [WindowPreset, { center: number; width: number }][]) {
    if (Math.abs(w.center - voi.center) < 2 && Math.abs(w.width - voi.width) < 2) return name;
  }
  return null;
}
