import { Enums, eventTarget, RenderingEngine, type Types } from '@cornerstonejs/core';
import dicomImageLoader from '@cornerstonejs/dicom-image-loader';
import { annotation, Enums as ToolEnums, ToolGroupManager, utilities as toolUtilities } from '@cornerstonejs/tools';
import type { DicomJsonDataset, ImagingMeasurement, MeasurementTool, WorldPoint } from '@cloudclinic/shared';
import type { Stack } from '../series-model';
import { fromAnnotation, toAnnotation, type AnnotationLike } from './measurement-mapping';
import { TOOL } from './cornerstone-runtime';

export type ViewerTool = 'windowLevel' | 'pan' | 'zoom' | 'length' | 'angle' | 'ellipse';
export type ViewerChange = 'slice' | 'voi' | 'camera' | 'measurements' | 'render';

export interface Voi {
  center: number;
  width: number;
}
export interface CameraView {
  zoom: number;
  pan: [number, number];
}

const MEASUREMENT_TOOLS: Record<MeasurementTool, string> = { Length: TOOL.length, Angle: TOOL.angle, EllipticalROI: TOOL.ellipse };
const MANIPULATION = [TOOL.windowLevel, TOOL.pan, TOOL.zoom, TOOL.scroll];
const ANNOTATIONS = [TOOL.length, TOOL.angle, TOOL.ellipse];

let counter = 0;

/**
 * One Cornerstone3D stack viewport on one element, with its tool group: load a series, move
 * through it, window/level, zoom/pan, measurements, cine — and report every change so that the
 * presenter can publish it. No React here.
 */
export class StackController {
  private readonly engine: RenderingEngine;
  private readonly viewportId: string;
  private readonly toolGroupId: string;
  private readonly listeners = new Set<(change: ViewerChange) => void>();
  private readonly cleanups: (() => void)[] = [];
  private stack: Stack | null = null;
  private interactive = true;
  private activeTool: ViewerTool = 'windowLevel';
  /** Suppresses change reports while applying a followed state. */
  private applying = 0;
  private destroyed = false;

  constructor(private readonly element: HTMLDivElement) {
    counter += 1;
    this.viewportId = `imaging-${counter}`;
    this.toolGroupId = `imaging-tools-${counter}`;
    this.engine = new RenderingEngine(`imaging-engine-${counter}`);
    this.engine.enableElement({ viewportId: this.viewportId, type: Enums.ViewportType.STACK, element, defaultOptions: { background: [0, 0, 0] } });
    const group = ToolGroupManager.createToolGroup(this.toolGroupId);
    if (!group) throw new Error('could not create the tool group');
    for (const name of [...MANIPULATION, ...ANNOTATIONS]) group.addTool(name);
    group.addViewport(this.viewportId, this.engine.id);
    this.applyBindings();

    const on = (target: EventTarget, type: string, change: ViewerChange) => {
      const handler = () => {
        if (this.applying === 0) this.emit(change);
        else if (change === 'render') this.emit(change);
      };
      target.addEventListener(type, handler);
      this.cleanups.push(() => target.removeEventListener(type, handler));
    };
    on(element, Enums.Events.STACK_NEW_IMAGE, 'slice');
    on(element, Enums.Events.VOI_MODIFIED, 'voi');
    on(element, Enums.Events.CAMERA_MODIFIED, 'camera');
    on(element, Enums.Events.IMAGE_RENDERED, 'render');
    for (const ev of [ToolEnums.Events.ANNOTATION_COMPLETED, ToolEnums.Events.ANNOTATION_MODIFIED, ToolEnums.Events.ANNOTATION_REMOVED]) on(eventTarget, ev, 'measurements');
  }

  private get viewport(): Types.IStackViewport {
    return this.engine.getViewport<Types.IStackViewport>(this.viewportId);
  }

  onChange(listener: (change: ViewerChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: ViewerChange): void {
    for (const l of [...this.listeners]) l(change);
  }

  /** Registers the series metadata with the image loader and shows the stack at `index`. */
  async load(stack: Stack, instances: DicomJsonDataset[], index = 0): Promise<void> {
    const bySop = new Map(instances.map((ds) => [String(ds['00080018']?.Value?.[0] ?? ''), ds]));
    for (const f of stack.frames) {
      const ds = bySop.get(f.sopInstanceUid);
      // The dataset was validated as DICOM JSON; the loader types its elements more narrowly.
      if (ds && (f.frame === 1 || !stack.cineFps)) dicomImageLoader.wadors.metaDataManager.add(f.imageId, ds as unknown as Parameters<typeof dicomImageLoader.wadors.metaDataManager.add>[1]);
    }
    this.stopCine();
    this.stack = stack;
    await this.withoutReports(() => this.viewport.setStack(stack.frames.map((f) => f.imageId), clampIndex(index, stack.frames.length)));
    this.viewport.render();
  }

  get loaded(): Stack | null {
    return this.stack;
  }

  get sliceIndex(): number {
    return this.stack ? this.viewport.getCurrentImageIdIndex() : 0;
  }

  get sliceCount(): number {
    return this.stack?.frames.length ?? 0;
  }

  async setSlice(index: number, report = true): Promise<void> {
    if (!this.stack) return;
    const target = clampIndex(index, this.stack.frames.length);
    if (target === this.sliceIndex) return;
    if (report) await this.viewport.setImageIdIndex(target);
    else await this.withoutReports(() => this.viewport.setImageIdIndex(target));
  }

  scroll(delta: number): void {
    if (this.stack) void this.setSlice(this.sliceIndex + delta);
  }

  getVoi(): Voi | null {
    const range = this.viewport.getProperties().voiRange;
    return range ? { center: (range.upper + range.lower) / 2, width: Math.max(1, range.upper - range.lower) } : null;
  }

  setVoi(voi: Voi | null, report = true): void {
    const apply = () => {
      if (voi) this.viewport.setProperties({ voiRange: { lower: voi.center - voi.width / 2, upper: voi.center + voi.width / 2 } });
      else this.viewport.resetProperties();
      this.viewport.render();
    };
    if (report) apply();
    else void this.withoutReports(apply);
  }

  getCamera(): CameraView | null {
    const p = this.viewport.getViewPresentation({ zoom: true, pan: true });
    if (p.zoom === undefined || !p.pan) return null;
    return { zoom: p.zoom, pan: [p.pan[0], p.pan[1]] };
  }

  setCamera(camera: CameraView | null, report = true): void {
    const apply = () => {
      if (camera) this.viewport.setViewPresentation({ zoom: camera.zoom, pan: camera.pan });
      else this.viewport.resetCamera();
      this.viewport.render();
    };
    if (report) apply();
    else void this.withoutReports(apply);
  }

  resetView(): void {
    this.viewport.resetCamera();
    this.viewport.resetProperties();
    this.viewport.render();
  }

  /** The presenter's tools, or none for a follower (annotations stay visible). */
  setInteractive(interactive: boolean): void {
    this.interactive = interactive;
    this.applyBindings();
  }

  setTool(tool: ViewerTool): void {
    this.activeTool = tool;
    this.applyBindings();
  }

  private applyBindings(): void {
    const group = ToolGroupManager.getToolGroup(this.toolGroupId);
    if (!group) return;
    const { MouseBindings } = ToolEnums;
    for (const name of [...MANIPULATION, ...ANNOTATIONS]) group.setToolDisabled(name);
    if (!this.interactive) {
      for (const name of ANNOTATIONS) group.setToolEnabled(name);
      return;
    }
    const primary = TOOL[this.activeTool];
    for (const name of ANNOTATIONS) if (name !== primary) group.setToolPassive(name);
    group.setToolActive(primary, { bindings: [{ mouseButton: MouseBindings.Primary }] });
    if (primary !== TOOL.pan) group.setToolActive(TOOL.pan, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
    if (primary !== TOOL.zoom) group.setToolActive(TOOL.zoom, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
    group.setToolActive(TOOL.scroll, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
  }

  /** The measurements drawn on this stack, in the shared wire form. */
  getMeasurements(): ImagingMeasurement[] {
    if (!this.stack) return [];
    const byImageId = new Map(this.stack.frames.map((f) => [f.imageId, f]));
    const out: ImagingMeasurement[] = [];
    for (const a of annotation.state.getAllAnnotations()) {
      const m = fromAnnotation(a as AnnotationLike, (imageId) => byImageId.get(imageId));
      if (m) out.push(m);
    }
    return out;
  }

  /** Replaces the measurements on this stack with `list` (a follower showing the presenter's). */
  setMeasurements(list: readonly ImagingMeasurement[]): void {
    if (!this.stack) return;
    void this.withoutReports(() => {
      const ours = new Set(this.stack?.frames.map((f) => f.imageId));
      for (const a of annotation.state.getAllAnnotations()) {
        if (a.annotationUID && a.metadata?.referencedImageId && ours.has(a.metadata.referencedImageId)) annotation.state.removeAnnotation(a.annotationUID);
      }
      const camera = this.viewport.getCamera();
      const frameOfReferenceUID = this.viewport.getFrameOfReferenceUID();
      for (const m of list) {
        const frame = this.stack?.frames.find((f) => f.sopInstanceUid === m.sopInstanceUid && f.frame === m.frame);
        if (!frame || !camera.viewPlaneNormal || !camera.viewUp) continue;
        const a = toAnnotation(m, { toolName: MEASUREMENT_TOOLS[m.tool], referencedImageId: frame.imageId, FrameOfReferenceUID: frameOfReferenceUID, viewPlaneNormal: camera.viewPlaneNormal, viewUp: camera.viewUp }, !this.interactive);
        annotation.state.addAnnotation(a as Parameters<typeof annotation.state.addAnnotation>[0], this.element);
      }
      this.viewport.render();
    });
  }

  /** Canvas pixel (CSS px from the element's top left) → patient coordinates, and back. */
  worldAt(x: number, y: number): WorldPoint {
    const w = this.viewport.canvasToWorld([x, y]);
    return [w[0], w[1], w[2]];
  }

  canvasAt(point: WorldPoint): [number, number] {
    const c = this.viewport.worldToCanvas(point);
    return [c[0], c[1]];
  }

  playCine(fps: number): void {
    if (!this.stack || this.sliceCount < 2) return;
    toolUtilities.cine.playClip(this.element, { framesPerSecond: fps, loop: true });
  }

  stopCine(): void {
    if (this.stack) toolUtilities.cine.stopClip(this.element);
  }

  resize(): void {
    if (!this.destroyed) this.engine.resize(true, true);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopCine();
    for (const c of this.cleanups) c();
    this.listeners.clear();
    ToolGroupManager.destroyToolGroup(this.toolGroupId);
    this.engine.destroy();
  }

  private async withoutReports<T>(fn: () => T | Promise<T>): Promise<T> {
    this.applying += 1;
    try {
      return await fn();
    } finally {
      // Cornerstone fires its events synchronously or on the next frame: keep quiet until then.
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      this.applying -= 1;
    }
  }
}

function clampIndex(index: number, length: number): number {
  return Math.max(0, Math.min(length - 1, Math.round(index)));
}

export type { MeasurementTool };
