import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Cornerstone3D and the viewer load only when the imaging panel is opened (own chunk). */
const ImagingWorkspace = lazy(() => import('./ImagingWorkspace'));

export interface ImagingPanelProps {
  consultationId: string;
  /** Offer the full-window reading mode (off on the reading page itself). */
  fullPageLink?: boolean;
  /** Studies attached to the consultation request: listed first and marked. */
  attached?: readonly string[];
}

/**
 * Shared image reading (共享阅片) for one consultation: lightweight until it is shown. 全屏阅片 turns
 * the same viewer into a full-window layer over the page (the call keeps running beneath it, the
 * session stays in this tab); Esc or the close button brings it back into the panel.
 */
export function ImagingPanel({ consultationId, fullPageLink = true, attached }: ImagingPanelProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Tab panels stay mounted while hidden: load the viewer the first time the panel is shown.
  const [opened, setOpened] = useState(false);
  const [full, setFull] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => toggle.current?.focus(), [full]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (full && e.key === 'Escape') {
      e.stopPropagation();
      setFull(false);
    }
  };
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
    <div
      className={`imaging-panel${full ? ' imaging-panel--full' : ''}`}
      data-testid="imaging-panel"
      data-full={String(full)}
      ref={ref}
      onKeyDown={onKeyDown}
      {...(full ? { role: 'dialog', 'aria-modal': true, 'aria-label': t('imaging.fullTitle') } : {})}
    >
      {fullPageLink ? (
        <button ref={toggle} type="button" className="button button--secondary imaging-panel__full" aria-pressed={full} onClick={() => setFull((f) => !f)} data-testid="imaging-full">
          {full ? t('imaging.closeFull') : t('imaging.openFull')}
        </button>
      ) : null}
      {opened ? (
        <Suspense fallback={<p role="status">{t('imaging.loading')}</p>}>
          <ImagingWorkspace consultationId={consultationId} {...(attached ? { attached } : {})} />
        </Suspense>
      ) : null}
    </div>
  );
}
