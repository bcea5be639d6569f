import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Cornerstone3D and the viewer load only when the imaging panel is opened (own chunk). */
const ImagingWorkspace = lazy(() => import('./ImagingWorkspace'));

export interface ImagingPanelProps {
  consultationId: string;
  /** Offer the full-window reading page (off on the page itself). */
  fullPageLink?: boolean;
}

/** Shared image reading (共享阅片) for one consultation: lightweight until it is shown. */
export function ImagingPanel({ consultationId, fullPageLink = true }: ImagingPanelProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Tab panels stay mounted while hidden: load the viewer the first time the panel is shown.
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || opened) return;
    const check = () => el.getClientRects().length > 0 && setOpened(true);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [opened]);
  return (
    <div className="imaging-panel" data-testid="imaging-panel" ref={ref}>
      {fullPageLink ? (
        <Link className="imaging-panel__full" to={`/imaging/${encodeURIComponent(consultationId)}`} target="_blank" rel="noopener">
          {t('imaging.openFull')}
        </Link>
      ) : null}
      {opened ? (
        <Suspense fallback={<p role="status">{t('imaging.loading')}</p>}>
          <ImagingWorkspace consultationId={consultationId} />
        </Suspense>
      ) : null}
    </div>
  );
}
