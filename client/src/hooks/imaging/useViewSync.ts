import type { ImagingView } from '@cloudclinic/shared';
import { useEffect, useRef } from 'react';
import { sameMeasurements } from '../../features/imaging/cornerstone/measurement-mapping';
import type { SharedViewingClient, SharedViewingSnapshot } from '../../features/imaging/shared-viewing-client';
import type { StackViewerState } from './useStackViewer';

export interface CineState {
  playing: boolean;
  fps: number;
}

/**
 * Keeps the viewer and the shared viewing in step. The presenter publishes every change of
 * slice, window, zoom/pan, cine and measurements (coalesced by the client); a follower applies
 * the presenter's state to its own viewport whenever a newer one arrives or its series loads.
 */
export function useViewSync(viewer: StackViewerState, shared: { snapshot: SharedViewingSnapshot; isPresenter: boolean; client: SharedViewingClient }, cine: CineState, setCine: (c: CineState) => void): void {
  const { controller, shown } = viewer;
  const { snapshot, isPresenter, client } = shared;
  const cineRef = useRef(cine);
  cineRef.current = cine;

  // Presenter: publish.
  useEffect(() => {
    if (!controller || !shown || !isPresenter) return;
    const currentView = (): ImagingView => ({
      studyUid: shown.studyUid,
      seriesUid: shown.seriesUid,
      sliceIndex: controller.sliceIndex,
      voi: controller.getVoi(),
      camera: controller.getCamera(),
      cine: cineRef.current,
    });
    // Taking the role or opening a series: the followers get the whole picture at once.
    client.publish({ view: currentView(), measurements: controller.getMeasurements() });
    return controller.onChange((change) => {
      if (change === 'render') return;
      if (change === 'measurements') return client.publish({ measurements: controller.getMeasurements() });
      // While cine plays, each follower plays it locally: no slice-by-slice traffic.
      if (change === 'slice' && cineRef.current.playing) return;
      client.publish({ view: currentView() });
    });
  }, [controller, shown, isPresenter, client]);

  useEffect(() => {
    if (!controller || !shown || !isPresenter) return;
    client.publish({ view: { studyUid: shown.studyUid, seriesUid: shown.seriesUid, sliceIndex: controller.sliceIndex, voi: controller.getVoi(), camera: controller.getCamera(), cine } });
  }, [cine, controller, shown, isPresenter, client]);

  // Follower: apply.
  const view = snapshot.state.view;
  const measurements = snapshot.state.measurements;
  const applied = useRef<typeof measurements | null>(null);
  useEffect(() => {
    if (!controller || !shown || isPresenter || !snapshot.session.presenter || !view) return;
    if (view.studyUid !== shown.studyUid || view.seriesUid !== shown.seriesUid) return;
    if (view.cine.playing) controller.playCine(view.cine.fps);
    else {
      controller.stopCine();
      void controller.setSlice(view.sliceIndex, false);
    }
    if (cineRef.current.playing !== view.cine.playing || cineRef.current.fps !== view.cine.fps) setCine(view.cine);
    controller.setVoi(view.voi, false);
    controller.setCamera(view.camera, false);
    if (!applied.current || !sameMeasurements(applied.current, measurements)) {
      controller.setMeasurements(measurements);
      applied.current = measurements;
    }
  }, [controller, shown, isPresenter, snapshot.session.presenter, view, measurements, setCine]);

  // Tools only for whoever drives the view: the presenter, or everybody while nobody presents.
  const drives = isPresenter || !snapshot.session.presenter;
  useEffect(() => {
    controller?.setInteractive(drives);
    if (drives) applied.current = null;
  }, [controller, drives]);
}
