import type { WorldPoint } from '@cloudclinic/shared';

interface PointerLayerProps {
  point: WorldPoint | null;
  /** Projects patient coordinates onto this viewer's canvas (changes with zoom, pan, size). */
  project(point: WorldPoint): [number, number] | null;
  /** Re-render trigger: the viewport rendered. */
  renderTick: number;
}

/** The presenter's pointer on a follower's viewer. */
export function PointerLayer({ point, project }: PointerLayerProps) {
  const at = point ? project(point) : null;
  if (!at) return null;
  return <span className="imaging-pointer" style={{ transform: `translate(${at[0]}px, ${at[1]}px)` }} data-testid="imaging-pointer" aria-hidden="true" />;
}
