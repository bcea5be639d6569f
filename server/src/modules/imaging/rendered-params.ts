import { z } from 'zod';
import { badRequest } from '../../lib/errors';
import { issuesOf } from '../../lib/validation';

/** Largest rendered image side the proxy asks of the PACS (Orthanc crashes on huge viewports). */
export const MAX_VIEWPORT_SIDE = 2048;

const side = z.coerce.number().int().min(1).max(MAX_VIEWPORT_SIDE);
const offset = z.coerce.number().int().min(-MAX_VIEWPORT_SIDE).max(MAX_VIEWPORT_SIDE);
const finite = z.coerce.number().finite().min(-1e6).max(1e6);
/** A comma-separated list value (a repeated parameter arrives as an array and is refused). */
const list = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.length <= 64 ? v.split(',') : v), schema);

/** `viewport=vw,vh` or `vw,vh,sx,sy,sw,sh` (DICOM PS3.18 §8.3.5.1.3), every size within bounds. */
const Viewport = list(
  z.union([z.tuple([side, side]), z.tuple([side, side, offset, offset, side, side])], { error: `viewport must be "width,height" with each side 1–${MAX_VIEWPORT_SIDE}` }),
);
/** `window=center,width,function` with the functions PS3.18 names. */
const Window = list(z.tuple([finite, z.coerce.number().positive().max(1e6), z.enum(['linear', 'linear-exact', 'sigmoid'])]));

/** The only query parameters `rendered` and `thumbnail` accept; anything else is refused. */
const RenderedQuery = z.strictObject({
  viewport: Viewport.optional(),
  quality: z.enum(['10', '20', '30', '40', '50', '60', '70', '75', '80', '85', '90', '95', '100']).optional(),
  window: Window.optional(),
});

/**
 * Checks the query of a rendered/thumbnail request before anything reaches the PACS and returns
 * what to send upstream. Unknown parameters, repeated parameters and out-of-bounds values are a
 * `bad_request`.
 */
export function renderedQuery(query: Record<string, unknown>): URLSearchParams {
  const parsed = RenderedQuery.safeParse(query);
  if (!parsed.success) throw badRequest('Invalid rendered-image parameters', { issues: issuesOf(parsed.error) });
  const out = new URLSearchParams();
  if (parsed.data.viewport) out.set('viewport', parsed.data.viewport.join(','));
  if (parsed.data.quality) out.set('quality', parsed.data.quality);
  if (parsed.data.window) out.set('window', parsed.data.window.join(','));
  return out;
}
