import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface RecordTab<K extends string> {
  key: K;
  label: string;
  /** Shown after the label, e.g. how many items, and read with it. */
  badge?: string | undefined;
  /** Marks the tab (e.g. abnormal results inside). */
  alert?: boolean;
  render(): ReactNode;
}

interface RecordTabsProps<K extends string> {
  label: string;
  tabs: readonly RecordTab<K>[];
}

/** WAI-ARIA tabs for the record's sections: arrow keys, Home and End move; only the open section renders. */
export function RecordTabs<K extends string>({ label, tabs }: RecordTabsProps<K>) {
  const baseId = useId();
  const [active, setActive] = useState<K | undefined>(tabs[0]?.key);
  const buttons = useRef(new Map<K, HTMLButtonElement>());
  const current = tabs.find((t) => t.key === active) ?? tabs[0];

  function move(event: KeyboardEvent): void {
    if (!current) return;
    const index = tabs.indexOf(current);
    const target =
      event.key === 'ArrowRight' ? tabs[(index + 1) % tabs.length] : event.key === 'ArrowLeft' ? tabs[(index - 1 + tabs.length) % tabs.length] : event.key === 'Home' ? tabs[0] : event.key === 'End' ? tabs[tabs.length - 1] : undefined;
    if (!target) return;
    event.preventDefault();
    setActive(target.key);
    buttons.current.get(target.key)?.focus();
  }

  return (
    <div className="his-tabs">
      <div className="his-tabs__list" role="tablist" aria-label={label} onKeyDown={move}>
        {tabs.map((tab) => {
          const selected = tab.key === current?.key;
          return (
            <button
              key={tab.key}
              ref={(el) => {
                if (el) buttons.current.set(tab.key, el);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.key}`}
              aria-selected={selected}
              aria-controls={`${baseId}-panel`}
              tabIndex={selected ? 0 : -1}
              className={`his-tabs__tab${tab.alert ? ' his-tabs__tab--alert' : ''}`}
              data-testid={`his-tab-${tab.key}`}
              onClick={() => setActive(tab.key)}
            >
              {tab.label}
              {tab.badge ? <span className="his-tabs__badge"> {tab.badge}</span> : null}
            </button>
          );
        })}
      </div>
      {current ? (
        <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${current.key}`} className="his-tabs__panel" tabIndex={0}>
          {current.render()}
        </div>
      ) : null}
    </div>
  );
}
