import { useEffect, useState } from 'react';
import { sessionStore } from '../../state/session-store';
import { initCornerstone } from '../../features/imaging/cornerstone/cornerstone-runtime';
import { StackController, type Voi } from '../../features/imaging/cornerstone/stack-controller';
import type { LoadedSeries } from './useSeriesStack';

export interface StackViewerState {
  controller: StackController | null;
  /** The series now shown (null while loading). */
  shown: LoadedSeries | null;
  sliceIndex: number;
  sliceCount: number;
  voi: Voi | null;
  /** Zoom relative to fit-to-window (1 = fit). */
  zoom: number | null;
  /** Bumped on every render of the viewport (the pointer and overlays re-project on it). */
  renderTick: number;
  failed: boolean;
}

/**
 * A Cornerstone3D stack viewport on `element`, showing `series` from `initialIndex`. The state it
 * returns follows the viewport (slice, window) so that the overlay and toolbar stay in step.
 */
export function useStackViewer(element: HTMLDivElement | null, series: LoadedSeries | null, initialIndex: () => number): StackViewerState {
  const [controller, setController] = useState<StackController | null>(null);
  const [shown, setShown] = useState<LoadedSeries | null>(null);
  const [sliceIndex, setSliceIndex] = useState(0);
  const [voi, setVoi] = useState<Voi | null>(null);
  const [zoom, setZoom] = useState<number | null>(null);
  const [renderTick, setRenderTick] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!element) return;
    let c: StackController | null = null;
    let cancelled = false;
    void initCornerstone({ accessToken: () => sessionStore.getAccessToken() })
      .then(() => {
        if (cancelled) return;
        c = new StackController(element);
        setController(c);
      })
      .catch(() => setFailed(true));
    const resize = new ResizeObserver(() => c?.resize());
    resize.observe(element);
    return () => {
      cancelled = true;
      resize.disconnect();
      c?.destroy();
      setController(null);
    };
  }, [element]);

  useEffect(() => {
    if (!controller) return;
    const sameVoi = (a: Voi | null, b: Voi | null) => a === b || (a !== null && b !== null && Math.abs(a.center - b.center) < 0.5 && Math.abs(a.width - b.width) < 0.5);
    return controller.onChange((change) => {
      if (change === 'slice') setSliceIndex(controller.sliceIndex);
      if (change === 'voi') setVoi(controller.getVoi());
      if (change === 'render') {
        // Also catches changes applied from the presenter's state (those are not reported).
        setRenderTick((n) => n + 1);
        setSliceIndex(controller.sliceIndex);
        const next = controller.getVoi();
        setVoi((prev) => (sameVoi(prev, next) ? prev : next));
        const z = controller.getCamera()?.zoom ?? null;
        setZoom((prev) => (prev !== null && z !== null && Math.abs(prev - z) < 0.005 ? prev : z));
      }
    });
  }, [controller]);

  useEffect(() => {
    if (!controller || !series || controller.loaded === series.stack) return;
    let cancelled = false;
    setFailed(false);
    controller
      .load(series.stack, series.instances, initialIndex())
      .then(() => {
        if (cancelled) return;
        setShown(series);
        setSliceIndex(controller.sliceIndex);
        setVoi(controller.getVoi());
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
    // initialIndex is read once per load, on purpose (not a dependency).
  }, [controller, series]);

  return { controller, shown, sliceIndex, sliceCount: shown?.stack.frames.length ?? 0, voi, zoom, renderTick, failed };
}
