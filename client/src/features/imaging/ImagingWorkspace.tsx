import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useImagingStudies } from '../../hooks/imaging/useImagingStudies';
import { useSeriesStack, type SeriesRef } from '../../hooks/imaging/useSeriesStack';
import { useSharedViewing } from '../../hooks/imaging/useSharedViewing';
import { useStackViewer } from '../../hooks/imaging/useStackViewer';
import { useViewSync, type CineState } from '../../hooks/imaging/useViewSync';
import { errorMessageKey } from '../../i18n/error-messages';
import '../../styles/imaging.css';
import type { ViewerTool } from './cornerstone/stack-controller';
import { PointerLayer } from './PointerLayer';
import { PresenterBar } from './PresenterBar';
import { SeriesBrowser } from './SeriesBrowser';
import { attachedFirst } from './series-model';
import { ViewerOverlay } from './ViewerOverlay';
import { ViewerToolbar } from './ViewerToolbar';
import { CT_WINDOWS, type WindowPreset } from './window-presets';

export interface ImagingWorkspaceProps {
  consultationId: string;
  /** Studies attached to the consultation request: listed first and marked. */
  attached?: readonly string[];
}

const NONE: readonly string[] = [];

/**
 * The shared reading workspace (loaded on demand: Cornerstone3D lives in this chunk only):
 * series browser, stack viewer with tools and overlay, and the presenter controls.
 */
export default function ImagingWorkspace({ consultationId, attached = NONE }: ImagingWorkspaceProps) {
  const { t } = useTranslation();
  const shared = useSharedViewing(consultationId);
  const { snapshot, isPresenter, client } = shared;
  const loaded = useImagingStudies(consultationId);
  const { loading, errorCode, reload } = loaded;
  const studies = useMemo(() => attachedFirst(loaded.studies, attached), [loaded.studies, attached]);
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [localSelection, setLocalSelection] = useState<SeriesRef | null>(null);
  const [tool, setTool] = useState<ViewerTool>('windowLevel');
  const [cine, setCine] = useState<CineState>({ playing: false, fps: 20 });

  const presenter = snapshot.session.presenter;
  const following = !isPresenter && presenter !== null;
  const followedView = following ? snapshot.state.view : null;
  const firstSeries = studies[0]?.series[0];
  const selected: SeriesRef | null = followedView
    ? { studyUid: followedView.studyUid, seriesUid: followedView.seriesUid }
    : (localSelection ?? (studies[0] && firstSeries ? { studyUid: studies[0].uid, seriesUid: firstSeries.uid } : null));

  // Following keeps the local choice on the presenter's series, so that taking over (or being handed
  // the role) starts exactly where everybody is looking.
  const followedStudy = followedView?.studyUid;
  const followedSeries = followedView?.seriesUid;
  useEffect(() => {
    if (followedStudy && followedSeries) setLocalSelection({ studyUid: followedStudy, seriesUid: followedSeries });
  }, [followedStudy, followedSeries]);

  const stateRef = useRef(snapshot.state);
  stateRef.current = snapshot.state;
  const series = useSeriesStack(consultationId, selected);
  const initialIndex = useCallback(() => {
    const v = stateRef.current.view;
    return v && selected && v.seriesUid === selected.seriesUid ? v.sliceIndex : 0;
  }, [selected]);
  const viewer = useStackViewer(element, series.series, initialIndex);
  useViewSync(viewer, shared, cine, setCine);

  const { controller } = viewer;
  useEffect(() => controller?.setTool(tool), [controller, tool]);
  useEffect(() => {
    if (!controller || following) return;
    if (cine.playing) controller.playCine(cine.fps);
    else controller.stopCine();
  }, [controller, cine, following]);

  const takePresenter = () => void client.present();
  const onPreset = (p: WindowPreset) => controller?.setVoi(CT_WINDOWS[p]);

  // The presenter's pointer: where the mouse is over the image, in patient coordinates.
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!isPresenter || !controller || !viewer.shown) return;
    const rect = e.currentTarget.getBoundingClientRect();
    client.publish({ pointer: controller.worldAt(e.clientX - rect.left, e.clientY - rect.top) });
  };
  const onPointerLeave = () => {
    if (isPresenter) client.publish({ pointer: null });
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (following || !controller) return;
    const delta = e.key === 'ArrowDown' || e.key === 'PageDown' ? 1 : e.key === 'ArrowUp' || e.key === 'PageUp' ? -1 : 0;
    if (delta) {
      e.preventDefault();
      controller.scroll(delta);
    }
  };

  // The canvas shows only the selected series: while another loads, or when it failed, the previous
  // picture is hidden so it can never be read under the new series' label.
  const shown = viewer.shown && selected && viewer.shown.studyUid === selected.studyUid && viewer.shown.seriesUid === selected.seriesUid && !viewer.failed ? viewer.shown : null;
  const seriesFailed = selected !== null && (viewer.failed || series.errorCode !== null);
  const modality = shown?.stack.first?.['00080060']?.Value?.[0];
  const error = errorCode;

  return (
    <div className="imaging" data-testid="imaging-viewer">
      <PresenterBar snapshot={snapshot} isPresenter={isPresenter} client={client} onTake={takePresenter} />
      {loading ? <p role="status">{t('imaging.loading')}</p> : null}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error === 'unavailable' || error === 'upstream_unavailable' ? t('imaging.noPacs') : t(errorMessageKey(error))}{' '}
          <button type="button" className="button button--secondary imaging-button" onClick={reload}>
            {t('imaging.retry')}
          </button>
        </p>
      ) : null}
      {!loading && !errorCode && studies.length === 0 ? <p className="notice">{t('imaging.noStudies')}</p> : null}
      <div className="imaging__body">
        <SeriesBrowser
          consultationId={consultationId}
          studies={studies}
          attached={attached}
          selected={selected}
          disabled={following}
          onSelect={(studyUid, seriesUid) => {
            setCine((c) => ({ ...c, playing: false }));
            setLocalSelection({ studyUid, seriesUid });
          }}
        />
        <div className="imaging__stage">
          <ViewerToolbar
            tool={tool}
            onTool={setTool}
            presets={modality === 'CT'}
            voi={viewer.voi}
            onPreset={onPreset}
            onReset={() => controller?.resetView()}
            cine={{ available: shown?.stack.cineFps != null, playing: cine.playing, fps: shown?.stack.cineFps ?? cine.fps }}
            onCine={(playing) => setCine({ playing, fps: shown?.stack.cineFps ?? cine.fps })}
            disabled={following || !shown}
          />
          <div
            className={`imaging__viewport${following ? ' imaging__viewport--following' : ''}`}
            tabIndex={0}
            onKeyDown={onKeyDown}
            onPointerMove={onPointerMove}
            onPointerLeave={onPointerLeave}
            data-testid="imaging-viewport"
          >
            <div ref={setElement} className={`imaging__canvas${shown ? '' : ' imaging__canvas--hidden'}`} onContextMenu={(e) => e.preventDefault()} data-shown-series={shown?.seriesUid ?? ''} />
            {shown ? <ViewerOverlay dataset={shown.stack.first} sliceIndex={viewer.sliceIndex} sliceCount={viewer.sliceCount} voi={viewer.voi} zoom={viewer.zoom} /> : null}
            {following ? <PointerLayer point={snapshot.pointer} renderTick={viewer.renderTick} project={(p) => (controller && viewer.shown ? controller.canvasAt(p) : null)} /> : null}
            {!seriesFailed && selected && !shown ? <span className="imaging__loading">{t('imaging.loading')}</span> : null}
            {seriesFailed ? (
              <div className="imaging__series-error" role="alert" data-testid="imaging-series-error">
                <p>{series.errorCode ? t(errorMessageKey(series.errorCode)) : t('imaging.loadFailed')}</p>
              </div>
            ) : null}
          </div>
        </div>
      </div>
    </div>
  );
}
