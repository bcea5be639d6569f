import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type PanelKey = 'record' | 'imaging' | 'prescription' | 'note' | 'opinion' | 'referral';
const ORDER: readonly PanelKey[] = ['record', 'imaging', 'prescription', 'note', 'opinion', 'referral'];

interface ConsultationPanelsProps {
  panels: Record<PanelKey, ReactNode>;
  initial?: PanelKey;
}

/**
 * The side panel of the consultation page: tabs 病历 / 影像 / 处方 / 记录 / 会诊意见 / 转诊 (WAI-ARIA tabs, arrow keys move).
 * Every panel stays mounted so switching never loses what is being typed.
 */
export function ConsultationPanels({ panels, initial = 'note' }: ConsultationPanelsProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const [active, setActive] = useState<PanelKey>(initial);
  const tabs = useRef(new Map<PanelKey, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent): void {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = ORDER[(ORDER.indexOf(active) + delta + ORDER.length) % ORDER.length] ?? active;
    setActive(next);
    tabs.current.get(next)?.focus();
  }

  return (
    <div className="consult-panels">
      <div className="consult-panels__tabs" role="tablist" aria-label={t('consultation.panels')} onKeyDown={onKeyDown}>
        {ORDER.map((key) => (
          <button
            key={key}
            ref={(el) => {
              if (el) tabs.current.set(key, el);
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${key}`}
            aria-selected={active === key}
            aria-controls={`${baseId}-panel-${key}`}
            tabIndex={active === key ? 0 : -1}
            className="consult-panels__tab"
            data-testid={`tab-${key}`}
            onClick={() => setActive(key)}
          >
            {t(`consultation.tabs.${key}`)}
          </button>
        ))}
      </div>
      {ORDER.map((key) => (
        <div key={key} role="tabpanel" id={`${baseId}-panel-${key}`} aria-labelledby={`${baseId}-tab-${key}`} hidden={active !== key} className="consult-panels__panel">
          {panels[key]}
        </div>
      ))}
    </div>
  );
}
