import type { ClinicSessionView } from '@cloudclinic/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from './clinic-time';
import { localName } from '../../i18n/local-name';

interface SessionPickerProps {
  sessions: readonly ClinicSessionView[];
  selectedId: string | null;
  onSelect(id: string): void;
  /** Scroll within a box of about two rows of cards. */
  scroll?: boolean;
}

/**
 * Today's clinic sessions as selectable cards (department, expert, hours, counts). With `scroll`, a
 * long list scrolls in its own box (the selected card kept in view) instead of pushing what follows
 * off the screen.
 */
export function SessionPicker({ sessions, selectedId, onSelect, scroll = false }: SessionPickerProps) {
  const { t, i18n } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const box = list.current;
    const card = box?.querySelector<HTMLElement>('[aria-pressed="true"]');
    if (!scroll || !box || !card) return;
    if (card.offsetTop < box.scrollTop || card.offsetTop + card.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = card.offsetTop;
  }, [scroll, selectedId]);
  return (
    <ul ref={list} className={`session-picker${scroll ? ' session-picker--scroll' : ''}`} aria-label={t('clinic.sessions.label')} data-testid="session-picker">
      {sessions.map((s) => (
        <li key={s.id}>
          <button type="button" className="session-card" aria-pressed={s.id === selectedId} onClick={() => onSelect(s.id)} data-testid="session-card" data-session-id={s.id}>
            <span className="session-card__title" data-testid="session-card-title">
              {localName(s.department, i18n.language)} · {s.expert.displayName}
            </span>
            <span className="session-card__time">
              {formatClock(s.startsAt, i18n.language)}–{formatClock(s.endsAt, i18n.language)}
            </span>
            <span className="session-card__counts">{t('clinic.sessions.counts', { ...s.counts, capacity: s.capacity })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The session to show first: the one running now, else the next, else the first. */
export function defaultSession(sessions: readonly ClinicSessionView[], now = Date.now()): ClinicSessionView | null {
  return (
    sessions.find((s) => Date.parse(s.startsAt) <= now && now < Date.parse(s.endsAt)) ??
    sessions.find((s) => Date.parse(s.startsAt) > now) ??
    sessions[0] ??
    null
  );
}
