import type { MedicationSummary } from '@cloudclinic/shared';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormularySearch } from '../../hooks/prescription/useFormularySearch';
import { DrugFlags } from './DrugFlags';
import { localName, localUnit } from '../../i18n/local-name';

interface DrugSearchProps {
  onAdd(m: MedicationSummary): void;
  disabled?: boolean;
}

/**
 * The formulary search box (WAI-ARIA combobox): type a name, pinyin initials (aldp) or code; ↑↓ to
 * move, Enter to add, Esc to clear. Test hooks: `rx-search` (input), `rx-add` (each result).
 */
export function DrugSearch({ onAdd, disabled = false }: DrugSearchProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { results, loading } = useFormularySearch(query);
  const open = query.trim().length > 0;
  const current = Math.min(active, Math.max(0, results.length - 1));

  function add(m: MedicationSummary | undefined): void {
    if (!m) return;
    onAdd(m);
    setQuery('');
    setActive(0);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>): void {
    if (e.key === 'ArrowDown') setActive(Math.min(current + 1, results.length - 1));
    else if (e.key === 'ArrowUp') setActive(Math.max(current - 1, 0));
    else if (e.key === 'Enter') add(results[current]);
    else if (e.key === 'Escape') setQuery('');
    else return;
    e.preventDefault();
  }

  return (
    <div className="rx-search">
      <label className="field__label" htmlFor={`${id}-q`}>
        {t('rx.search.label')}
      </label>
      <input
        id={`${id}-q`}
        className="field__input"
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && results[current] ? `${id}-opt-${current}` : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        placeholder={t('rx.search.placeholder')}
        value={query}
        disabled={disabled}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-testid="rx-search"
      />
      <p id={`${id}-hint`} className="field__hint">
        {t('rx.search.hint')}
      </p>
      {open ? (
        <ul id={`${id}-list`} role="listbox" className="rx-search__results" aria-label={t('rx.search.label')}>
          {loading ? <li className="rx-search__empty">{t('rx.search.searching')}</li> : null}
          {!loading && results.length === 0 ? <li className="rx-search__empty">{t('rx.search.empty')}</li> : null}
          {results.map((m, i) => (
            <li
              key={m.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === current}
              className="rx-search__option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => add(m)}
              onMouseEnter={() => setActive(i)}
              data-testid="rx-add"
              data-medication-id={m.id}
            >
              <span className="rx-search__name">
                {localName(m, lang)} <span className="rx-search__strength">{`${m.strength.value} ${m.strength.unit}`}</span>
              </span>
              <span className="rx-search__meta">
                {lang.startsWith('en') ? m.generic.en : m.generic.zh} · {m.pinyin} · {m.code} · {m.packageSize}
                {localUnit(m.doseUnit, lang)}/{localUnit(m.packageUnit, lang)} · {m.stock > 0 ? t('rx.search.stock', { count: m.stock, unit: localUnit(m.packageUnit, lang) }) : t('rx.search.outOfStock')}
              </span>
              <DrugFlags flags={m.flags} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
