import type { NormPoint } from '@cloudclinic/shared';

export interface Size {
  width: number;
  height: number;
}

/** Where the video frame is drawn inside its element (may extend beyond it with `cover`). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The rectangle the video's picture occupies in an element of size `box` under CSS `object-fit`.
 * Marks live in normalised coordinates of this rectangle, so they stay on the same spot of the
 * picture whatever the tile's size or aspect, on the expert's desk and on the field phone alike.
 */
export function contentRect(box: Size, video: Size, fit: 'contain' | 'cover'): Rect {
  if (video.width <= 0 || video.height <= 0 || box.width <= 0 || box.height <= 0) return { x: 0, y: 0, width: box.width, height: box.height };
  const scale = fit === 'contain' ? Math.min(box.width / video.width, box.height / video.height) : Math.max(box.width / video.width, box.height / video.height);
  const width = video.width * scale;
  const height = video.height * scale;
  return { x: (box.width - width) / 2, y: (box.height - height) / 2, width, height };
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** A point in element pixels → normalised frame coordinates (clamped to the frame). */
export function toNormalized(rect: Rect, x: number, y: number): NormPoint {
  return [clamp01((x - rect.x) / rect.width), clamp01((y - rect.y) / rect.height)];
}

/** Normalised frame coordinates → element pixels. */
export function toPixels(rect: Rect, p: NormPoint): [number, number] {
  return [rect.x + p[0] * rect.width, rect.y + p[1] * rect.height];
}
