import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type MdtTab = 'summary' | 'record' | 'imaging' | 'opinion';
const ORDER: readonly MdtTab[] = ['summary', 'record', 'imaging', 'opinion'];

/** The current case's panels: 病例摘要 / 病历 / 影像 / 会诊意见 (WAI-ARIA tabs, arrow keys move; every panel stays mounted). */
export function MdtCaseTabs({ panels }: { panels: Record<MdtTab, ReactNode> }) {
  const { t } = useTranslation();
  const baseId = useId();
  const [active, setActive] = useState<MdtTab>('summary');
  const tabs = useRef(new Map<MdtTab, HTMLButtonElement>());

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
      <div className="consult-panels__tabs" role="tablist" aria-label={t('mdt.casePanels')} onKeyDown={onKeyDown}>
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
            data-testid={`mdt-tab-${key}`}
            onClick={() => setActive(key)}
          >
            {t(`mdt.tabs.${key}`)}
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
