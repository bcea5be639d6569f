import { clinicDate, isClinicDate } from '@cloudclinic/shared';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The clinic day a page shows, kept in the URL query (`?date=YYYY-MM-DD`) so that a reload or a
 * shared link shows the same day; today on the clinic calendar when absent or unreadable.
 */
export function useClinicDateParam(): [string, (date: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('date');
  const date = raw && isClinicDate(raw) ? raw : clinicDate(new Date());
  const setDate = useCallback(
    (next: string) => {
      if (!isClinicDate(next)) return;
      setParams(
        (p) => {
          const q = new URLSearchParams(p);
          q.set('date', next);
          return q;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [date, setDate];
}
