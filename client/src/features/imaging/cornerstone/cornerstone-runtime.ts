import { init as initCore } from '@cornerstonejs/core';
import dicomImageLoader from '@cornerstonejs/dicom-image-loader';
import { AngleTool, EllipticalROITool, LengthTool, PanTool, StackScrollTool, WindowLevelTool, ZoomTool, addTool, init as initTools } from '@cornerstonejs/tools';

/** Tools the viewer offers; the measurement tools' names are the ones shared viewing carries. */
export const TOOL = {
  windowLevel: WindowLevelTool.toolName,
  pan: PanTool.toolName,
  zoom: ZoomTool.toolName,
  scroll: StackScrollTool.toolName,
  length: LengthTool.toolName,
  angle: AngleTool.toolName,
  ellipse: EllipticalROITool.toolName,
} as const;

export interface RuntimeOptions {
  /** The current access token, read at every image request. */
  accessToken(): string | null;
}

let ready: Promise<void> | null = null;

/**
 * Cornerstone3D is initialised once per page: the rendering core (WebGL where available; Chromium
 * without a GPU falls back to CPU rendering by itself), the DICOM image loader with one decode
 * worker (the demo studies are uncompressed; the WASM codecs load only when a compressed
 * transfer syntax shows up), and the tools. Every WADO-RS request carries the bearer token.
 */
export function initCornerstone(opts: RuntimeOptions): Promise<void> {
  ready ??= Promise.resolve().then(() => {
    initCore();
    dicomImageLoader.init({
      maxWebWorkers: 1,
      beforeSend: (): Record<string, string> => {
        const token = opts.accessToken();
        return token ? { Authorization: `Bearer ${token}` } : {};
      },
    });
    initTools();
    for (const tool of [WindowLevelTool, PanTool, ZoomTool, StackScrollTool, LengthTool, AngleTool, EllipticalROITool]) addTool(tool);
  });
  return ready;
}
