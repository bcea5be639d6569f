import { VITALS_SCENARIOS, VitalsScenarioSchema } from '@cloudclinic/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { alarmsFor } from '../vitals/alarms';
import { VitalsAlarms } from '../vitals/VitalsAlarms';
import type { UseVitalsStreamer } from '../vitals/useVitalsStreamer';

/**
 * The monitor on the field doctor's phone: which (simulated) monitor runs, its numbers, and the same
 * alarms the expert sees — derived by `alarmsFor` from the numbers this phone is sending.
 */
export function FieldMonitor({ vitals }: { vitals: UseVitalsStreamer }) {
  const { t } = useTranslation();
  const numbers = vitals.stats?.numbers ?? null;
  const alarms = useMemo(() => (numbers ? alarmsFor(numbers) : []), [numbers]);
  const alarmed = new Set(alarms.map((a) => a.vital));
  const num = (vital: 'hr' | 'spo2', label: string, unit: string) => (
    <span className={`field-monitor__num${alarmed.has(vital) ? ' field-monitor__num--alarm' : ''}`} data-testid={`field-vitals-${vital}`}>
      {label} <b>{numbers?.[vital] ?? '—'}</b>
      {unit}
    </span>
  );
  return (
    <section className="field-monitor" aria-label={t('fieldRoom.monitor')} data-testid="field-monitor" data-numbers-sent={vitals.stats?.numbersSent ?? 0} data-ecg-sent={vitals.stats?.ecgSent ?? 0} data-alarms={alarms.length}>
      <label className="field-monitor__scenario">
        {t('fieldRoom.monitor')}
        <select
          value={vitals.stats?.scenario ?? 'normal'}
          onChange={(e) => {
            const s = VitalsScenarioSchema.safeParse(e.target.value);
            if (s.success) vitals.setScenario(s.data);
          }}
          data-testid="vitals-scenario"
        >
          {VITALS_SCENARIOS.map((s) => (
            <option key={s} value={s}>
              {t(`vitals.scenarios.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="field-monitor__numbers" aria-label={t('fieldRoom.monitorNumbers')}>
        {num('hr', t('vitals.hr'), ' bpm')}
        {num('spo2', 'SpO₂', '%')}
      </p>
      <VitalsAlarms alarms={alarms} testId="field-vitals-alarms" />
      {vitals.pending > 0 ? <p className="field-monitor__pending">{t('fieldRoom.pendingReadings', { count: vitals.pending })}</p> : null}
    </section>
  );
}
