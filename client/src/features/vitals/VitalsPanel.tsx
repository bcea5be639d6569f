import { useTranslation } from 'react-i18next';
import { EcgStrip } from './EcgStrip';
import { VitalsAlarms } from './VitalsAlarms';
import type { VitalsFeed, VitalsFeedState } from './vitals-feed';
import type { VitalNumbers } from './vitals-simulator';
import '../../styles/vitals.css';

interface VitalsPanelProps {
  state: VitalsFeedState;
  feed: VitalsFeed;
}

function show(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : String(v);
}

/** Live numbers (HR, SpO2, NIBP, RR, temperature), the sweeping ECG and the alarms of a field monitor. */
export function VitalsPanel({ state, feed }: VitalsPanelProps) {
  const { t } = useTranslation();
  const n = state.numbers;
  const alarmed = new Set(state.alarms.map((a) => a.vital));
  const cls = (vital: keyof VitalNumbers, base: string) => `vitals-num ${base}${alarmed.has(vital) ? ' vitals-num--alarm' : ''}`;
  return (
    <section
      className={`vitals${state.stale ? ' vitals--stale' : ''}`}
      aria-label={t('vitals.title')}
      data-testid="vitals-panel"
      data-numbers-seq={state.numbersSeq}
      data-ecg-seq={state.ecgSeq}
      data-ecg-frames={state.ecgFrames}
      data-late={state.late}
      data-stale={String(state.stale)}
    >
      <header className="vitals__header">
        <h2 className="vitals__title">{t('vitals.title')}</h2>
        {state.stale && n ? <span className="vitals__stale">{t('vitals.stale')}</span> : null}
        {!n ? <span className="vitals__stale">{t('vitals.waiting')}</span> : null}
      </header>
      <VitalsAlarms alarms={state.alarms} />
      <EcgStrip ecg={feed.ecg} />
      <dl className="vitals__grid">
        <div className={cls('hr', 'vitals-num--hr')}>
          <dt>{t('vitals.hr')}</dt>
          <dd data-testid="vitals-hr">{show(n?.hr)}</dd>
          <span className="vitals-num__unit">bpm</span>
        </div>
        <div className={cls('spo2', 'vitals-num--spo2')}>
          <dt>{t('vitals.spo2')}</dt>
          <dd data-testid="vitals-spo2">{show(n?.spo2)}</dd>
          <span className="vitals-num__unit">%</span>
        </div>
        <div className={cls('sys', 'vitals-num--bp')}>
          <dt>{t('vitals.nibp')}</dt>
          <dd data-testid="vitals-bp">{n?.sys != null && n.dia != null ? `${n.sys}/${n.dia}` : '—'}</dd>
          <span className="vitals-num__unit">mmHg</span>
        </div>
        <div className={cls('rr', 'vitals-num--rr')}>
          <dt>{t('vitals.rr')}</dt>
          <dd data-testid="vitals-rr">{show(n?.rr)}</dd>
          <span className="vitals-num__unit">/min</span>
        </div>
        <div className={cls('temp', 'vitals-num--temp')}>
          <dt>{t('vitals.temp')}</dt>
          <dd data-testid="vitals-temp">{show(n?.temp)}</dd>
          <span className="vitals-num__unit">°C</span>
        </div>
      </dl>
    </section>
  );
}

