import { ImagingMeasurementSchema, MeasurementToolSchema, type ImagingMeasurement, type WorldPoint } from '@cloudclinic/shared';

/** The part of a Cornerstone3D tools annotation that shared viewing reads and writes. */
export interface AnnotationLike {
  annotationUID?: string | undefined;
  isLocked?: boolean | undefined;
  metadata?: { toolName?: string | undefined; referencedImageId?: string | undefined } | undefined;
  data: { handles?: { points?: ArrayLike<number>[] | undefined } | undefined };
}

export interface FrameRef {
  sopInstanceUid: string;
  frame: number;
}

export interface AnnotationPlacement {
  toolName: string;
  referencedImageId: string;
  FrameOfReferenceUID: string;
  viewPlaneNormal: ArrayLike<number>;
  viewUp: ArrayLike<number>;
}

/**
 * A finished annotation of a measurement tool → the wire form (tool, which frame, world points).
 * Anything else (other tools, annotations on other stacks, half-drawn ones) → null.
 */
export function fromAnnotation(a: AnnotationLike, frameOf: (imageId: string) => FrameRef | undefined): ImagingMeasurement | null {
  const tool = MeasurementToolSchema.safeParse(a.metadata?.toolName);
  const imageId = a.metadata?.referencedImageId;
  const ref = imageId ? frameOf(imageId) : undefined;
  if (!tool.success || !ref || !a.annotationUID) return null;
  const points = (a.data.handles?.points ?? []).map((p): WorldPoint => [Number(p[0]), Number(p[1]), Number(p[2])]);
  const parsed = ImagingMeasurementSchema.safeParse({ uid: a.annotationUID, tool: tool.data, sopInstanceUid: ref.sopInstanceUid, frame: ref.frame, points });
  return parsed.success ? parsed.data : null;
}

/** The wire form → a Cornerstone3D annotation on this viewer's image (stats computed on render). */
export function toAnnotation(m: ImagingMeasurement, at: AnnotationPlacement, locked: boolean) {
  return {
    annotationUID: m.uid,
    highlighted: false,
    invalidated: true,
    isLocked: locked,
    isVisible: true,
    metadata: {
      toolName: at.toolName,
      referencedImageId: at.referencedImageId,
      FrameOfReferenceUID: at.FrameOfReferenceUID,
      viewPlaneNormal: [at.viewPlaneNormal[0] ?? 0, at.viewPlaneNormal[1] ?? 0, at.viewPlaneNormal[2] ?? 1] as [number, number, number],
      viewUp: [at.viewUp[0] ?? 0, at.viewUp[1] ?? -1, at.viewUp[2] ?? 0] as [number, number, number],
    },
    data: {
      label: '',
      cachedStats: {},
      handles: {
        points: m.points.map((p) => [p[0], p[1], p[2]] as [number, number, number]),
        activeHandleIndex: null,
        textBox: { hasMoved: false, worldPosition: [0, 0, 0] as [number, number, number], worldBoundingBox: { topLeft: [0, 0, 0], topRight: [0, 0, 0], bottomLeft: [0, 0, 0], bottomRight: [0, 0, 0] } },
      },
    },
  };
}

/** Same measurements (order-insensitive)? Spares re-sending and re-drawing unchanged lists. */
export function sameMeasurements(a: readonly ImagingMeasurement[], b: readonly ImagingMeasurement[]): boolean {
  if (a.length !== b.length) return false;
  const key = (m: ImagingMeasurement) => `${m.uid}|${m.tool}|${m.sopInstanceUid}|${m.frame}|${m.points.map((p) => p.map((v) => v.toFixed(3)).join(',')).join(';')}`;
  const set = new Set(a.map(key));
  return b.every((m) => set.has(key(m)));
}
