import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface PanelTabsProps<K extends string> {
  /** The tabs, in order. */
  order: readonly K[];
  panels: Record<K, ReactNode>;
  initial: K;
  /** The tab list's accessible name. */
  label: string;
  tabLabel(key: K): string;
  /** `data-testid` of each tab: `<prefix><key>`. */
  testIdPrefix: string;
}

/**
 * Side-panel tabs (WAI-ARIA tabs: arrow keys move, the active tab alone is in the tab order). Every
 * panel stays mounted, so switching never loses what is being typed or loaded.
 */
export function PanelTabs<K extends string>({ order, panels, initial, label, tabLabel, testIdPrefix }: PanelTabsProps<K>) {
  const baseId = useId();
  const [active, setActive] = useState<K>(initial);
  const tabs = useRef(new Map<K, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent): void {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = order[(order.indexOf(active) + delta + order.length) % order.length] ?? active;
    setActive(next);
    tabs.current.get(next)?.focus();
  }

  return (
    <div className="consult-panels">
      <div className="consult-panels__tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {order.map((key) => (
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
            data-testid={`${testIdPrefix}${key}`}
            onClick={() => setActive(key)}
          >
            {tabLabel(key)}
          </button>
        ))}
      </div>
      {order.map((key) => (
        <div key={key} role="tabpanel" id={`${baseId}-panel-${key}`} aria-labelledby={`${baseId}-tab-${key}`} hidden={active !== key} className="consult-panels__panel">
          {panels[key]}
        </div>
      ))}
    </div>
  );
}
