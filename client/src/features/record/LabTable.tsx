import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabAnalyte } from './lab-results';
import { LabFlag } from './LabFlag';
import { RecognitionBadge } from './RecognitionBadge';
import { SectionState } from './SectionState';
import { Sparkline } from './Sparkline';

function History({ analyte }: { analyte: LabAnalyte }) {
  const { t } = useTranslation();
  return (
    <table className="his-history">
      <caption className="sr-only">{t('record.labs.historyOf', { name: analyte.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('record.labs.columns.date')}</th>
          <th scope="col">{t('record.labs.columns.result')}</th>
        </tr>
      </thead>
      <tbody>
        {[...analyte.series].reverse().map((p) => (
          <tr key={p.id}>
            <td>
              <time dateTime={p.day}>{p.day}</time>
            </td>
            <td>
              <LabFlag display={p.display} flag={p.flag} />
              <RecognitionBadge provenance={p} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AnalyteRows({ analyte, columns }: { analyte: LabAnalyte; columns: number }) {
  const { t } = useTranslation();
  const historyId = useId();
  const [open, setOpen] = useState(false);
  const { latest, series } = analyte;
  const trend = t('record.labs.trend', { name: analyte.name, value: series.length, first: series[0]?.display ?? '', last: latest.display });
  return (
    <Fragment>
      <tr className={analyte.abnormal ? 'his-labs__row his-labs__row--abnormal' : 'his-labs__row'} data-testid="his-lab-row" data-loinc={analyte.loinc ?? undefined}>
        <th scope="row">
          <button type="button" className="his-labs__toggle" aria-expanded={open} aria-controls={historyId} onClick={() => setOpen((o) => !o)}>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> {analyte.name}
          </button>
        </th>
        <td>
          <LabFlag display={latest.display} flag={latest.flag} />
          {analyte.unit ? <span className="his-unit"> {analyte.unit}</span> : null}
          <RecognitionBadge provenance={latest} />
          <span className="his-labs__date">
            <time dateTime={latest.day}>{latest.day}</time>
          </span>
        </td>
        <td className="his-labs__range">{analyte.range ?? '—'}</td>
        <td className="his-labs__trend">{series.length > 1 ? <Sparkline analyte={analyte} label={trend} /> : null}</td>
      </tr>
      <tr id={historyId} hidden={!open} className="his-labs__history">
        <td colSpan={columns}>{open ? <History analyte={analyte} /> : null}</td>
      </tr>
    </Fragment>
  );
}

/** Lab results per analyte: latest value (↑/↓ when out of range), reference range, trend; the history opens per row. */
export function LabTable({ labs, unavailable }: { labs: readonly LabAnalyte[]; unavailable: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [abnormalOnly, setAbnormalOnly] = useState(false);
  const abnormalCount = labs.filter((l) => l.abnormal).length;
  const rows = abnormalOnly ? labs.filter((l) => l.abnormal) : labs;
  return (
    <section className="his-section" aria-labelledby={titleId} data-testid="his-labs">
      <div className="his-section__head">
        <h3 id={titleId} className="his-section__title">
          {t('record.labs.title')}
        </h3>
        {labs.length > 0 ? (
          <label className="his-filter">
            <input type="checkbox" checked={abnormalOnly} onChange={(e) => setAbnormalOnly(e.target.checked)} />
            {t('record.labs.abnormalOnly', { value: abnormalCount })}
          </label>
        ) : null}
      </div>
      {labs.length === 0 ? (
        <SectionState unavailable={unavailable} empty={t('record.labs.none')} />
      ) : (
        <table className="his-labs">
          <caption className="sr-only">{t('record.labs.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('record.labs.columns.name')}</th>
              <th scope="col">{t('record.labs.columns.latest')}</th>
              <th scope="col">{t('record.labs.columns.range')}</th>
              <th scope="col">{t('record.labs.columns.trend')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <AnalyteRows key={a.key} analyte={a} columns={4} />
            ))}
          </tbody>
        </table>
      )}
      {labs.length > 0 && rows.length === 0 ? <p className="his-section-state">{t('record.labs.noneAbnormal')}</p> : null}
    </section>
  );
}
