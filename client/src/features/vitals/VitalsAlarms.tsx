import { useTranslation } from 'react-i18next';
import type { Alarm } from './alarms';
import '../../styles/vitals.css';

/** ⚠ for act now, ⓘ-like ring for watch: the priority shows in shape and word, not in colour alone. */
function AlarmIcon({ priority }: { priority: Alarm['priority'] }) {
  return (
    <svg className="vitals-alarm__icon" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {priority === 'high' ? (
        <path fill="currentColor" d="M12 2 1 21h22L12 2Zm1 15h-2v2h2v-2Zm0-8h-2v6h2V9Z" fillRule="evenodd" />
      ) : (
        <path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z" fillRule="evenodd" />
      )}
    </svg>
  );
}

/**
 * The monitor's alarms (from `alarmsFor`, the one set of limits) as the expert and the field doctor
 * both see them: colour, an icon and the priority word, then what is wrong with its value.
 */
export function VitalsAlarms({ alarms, testId = 'vitals-alarms' }: { alarms: readonly Alarm[]; testId?: string }) {
  const { t } = useTranslation();
  // The alert region stays in the page, so each alarm is announced as it comes; the list is inside it
  // (a list given role="alert" would no longer be a list).
  return (
    <div className="vitals__alarm-region" role="alert" data-testid={testId}>
      {alarms.length > 0 ? (
        <ul className="vitals__alarms">
          {alarms.map((a) => (
            <li key={a.key} className={`vitals-alarm vitals-alarm--${a.priority}`} data-alarm={a.key} data-priority={a.priority}>
              <AlarmIcon priority={a.priority} />
              <span className="vitals-alarm__priority">{t(`vitals.priority.${a.priority}`)}</span>
              <span>{t(`vitals.alarms.${a.key}`, { value: a.value })}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
