import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecognitionBadge } from './RecognitionBadge';
import { SectionState } from './SectionState';
import type { TimelineDay, TimelineEntry } from './visit-timeline';

const PAGE = 10;

function Entry({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  switch (entry.kind) {
    case 'visit':
      return (
        <li className="his-timeline__entry his-timeline__entry--visit">
          <p className="his-item__title">
            <span className="his-tag">{t(`record.timeline.setting.${entry.setting}`)}</span>
            {[entry.title, entry.department].filter(Boolean).join(' · ')}
            {entry.until ? <span className="his-item__meta"> {t('record.timeline.until', { date: entry.until })}</span> : null}
          </p>
          {entry.diagnoses.length > 0 ? <p className="his-item__body">{t('record.timeline.diagnoses', { list: entry.diagnoses.join(t('record.listSeparator')) })}</p> : null}
          <p className="his-item__meta">{[entry.practitioner, entry.institution].filter(Boolean).join(' · ')}</p>
        </li>
      );
    case 'report':
      return (
        <li className="his-timeline__entry">
          <p className="his-item__title">
            <span className="his-tag his-tag--muted">{t(`record.timeline.${entry.section}`)}</span>
            {entry.title}
            <RecognitionBadge provenance={entry} />
          </p>
          {entry.conclusion ? <p className="his-item__body">{entry.conclusion}</p> : null}
          {entry.recognised && entry.institution ? <p className="his-item__meta">{entry.institution}</p> : null}
        </li>
      );
    case 'document':
      return (
        <li className="his-timeline__entry">
          <p className="his-item__title">
            <span className="his-tag his-tag--muted">{t('record.timeline.document')}</span>
            {entry.title}
          </p>
          <p className="his-item__meta">{[entry.description, entry.author].filter(Boolean).join(' · ')}</p>
        </li>
      );
  }
}

/** Visits, reports and notes by day, newest first, ten days at a time. */
export function VisitTimeline({ days, unavailable }: { days: readonly TimelineDay[]; unavailable: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [shown, setShown] = useState(PAGE);
  return (
    <section className="his-section" aria-labelledby={titleId} data-testid="his-timeline">
      <h3 id={titleId} className="his-section__title">
        {t('record.timeline.title')}
      </h3>
      {unavailable ? <SectionState unavailable empty="" /> : null}
      {days.length === 0 && !unavailable ? <SectionState unavailable={false} empty={t('record.timeline.none')} /> : null}
      <ol className="his-timeline">
        {days.slice(0, shown).map((d) => (
          <li key={d.day} className="his-timeline__day">
            <h4 className="his-timeline__date">
              <time dateTime={d.day}>{d.day}</time>
            </h4>
            <ul className="his-timeline__entries">
              {d.entries.map((e) => (
                <Entry key={`${e.kind}:${e.id}`} entry={e} />
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {days.length > shown ? (
        <button type="button" className="button button--secondary his-more" onClick={() => setShown((n) => n + PAGE)}>
          {t('record.timeline.more', { value: days.length - shown })}
        </button>
      ) : null}
    </section>
  );
}
