import { describe, expect, it } from 'vitest';
import { fromAnnotation, sameMeasurements, toAnnotation } from './measurement-mapping';

const frames = new Map([['wadors:/x/1.2.3/frames/1', { sopInstanceUid: '1.2.3', frame: 1 }]]);

describe('measurement mapping', () => {
  it('turns a finished length annotation into the wire form and back', () => {
    const m = fromAnnotation(
      { annotationUID: 'a-1', metadata: { toolName: 'Length', referencedImageId: 'wadors:/x/1.2.3/frames/1' }, data: { handles: { points: [[0, 1, 2], [3, 4, 2]] } } },
      (id) => frames.get(id),
    );
    expect(m).toEqual({ uid: 'a-1', tool: 'Length', sopInstanceUid: '1.2.3', frame: 1, points: [[0, 1, 2], [3, 4, 2]] });
    if (!m) return;
    const a = toAnnotation(m, { toolName: 'Length', referencedImageId: 'wadors:/x/1.2.3/frames/1', FrameOfReferenceUID: '1.9', viewPlaneNormal: [0, 0, 1], viewUp: [0, -1, 0] }, true);
    expect(a).toMatchObject({ annotationUID: 'a-1', isLocked: true, invalidated: true, metadata: { toolName: 'Length', referencedImageId: 'wadors:/x/1.2.3/frames/1' }, data: { handles: { points: m.points } } });
    expect(sameMeasurements([m], [{ ...m }])).toBe(true);
    expect(sameMeasurements([m], [{ ...m, points: [[0, 1, 2], [3, 5, 2]] }])).toBe(false);
  });

  it('ignores other tools, other stacks and unfinished annotations', () => {
    const frameOf = (id: string) => frames.get(id);
    expect(fromAnnotation({ annotationUID: 'b', metadata: { toolName: 'Probe', referencedImageId: 'wadors:/x/1.2.3/frames/1' }, data: { handles: { points: [[0, 0, 0], [1, 1, 1]] } } }, frameOf)).toBeNull();
    expect(fromAnnotation({ annotationUID: 'c', metadata: { toolName: 'Angle', referencedImageId: 'wadors:/other' }, data: { handles: { points: [[0, 0, 0], [1, 1, 1], [2, 2, 2]] } } }, frameOf)).toBeNull();
    expect(fromAnnotation({ annotationUID: 'd', metadata: { toolName: 'Length', referencedImageId: 'wadors:/x/1.2.3/frames/1' }, data: { handles: { points: [[0, 0, 0]] } } }, frameOf)).toBeNull();
  });
});
