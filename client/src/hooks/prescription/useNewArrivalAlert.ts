import type { PrescriptionView } from '@cloudclinic/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { beep, isAlertMuted, setAlertMuted } from '../../features/pharmacy/alert-sound';
import { NewArrivals } from '../../features/pharmacy/new-arrivals';

export interface NewArrivalAlert {
  /** Ids of the prescriptions that arrived live and the pharmacist has not looked at yet. */
  fresh: ReadonlySet<string>;
  /** The last arrival, said politely to a screen reader. */
  announcement: string;
  /** Beeps played in this view (0 while muted). */
  sounded: number;
  muted: boolean;
  toggleMute(): void;
  /** The pharmacist has seen them: the badge and the title count go. */
  clear(): void;
}

/**
 * New prescriptions arriving in the live queue: a count for the badge and the tab title
 * (「(2) 药师工作台」), a short beep unless muted (kept in this browser), and an announcement.
 */
export function useNewArrivalAlert(prescriptions: readonly PrescriptionView[], ready: boolean): NewArrivalAlert {
  const { t } = useTranslation();
  const tracker = useRef(new NewArrivals());
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const [sounded, setSounded] = useState(0);
  const [muted, setMuted] = useState(() => isAlertMuted());

  useEffect(() => {
    if (!ready) return;
    const arrived = tracker.current.next(prescriptions);
    if (arrived.length === 0) return;
    setFresh((f) => new Set([...f, ...arrived.map((p) => p.id)]));
    setAnnouncement(t('rx.review.newAnnounce', { count: arrived.length, names: arrived.map((p) => p.patient.name).join('、') }));
    if (!isAlertMuted()) {
      beep();
      setSounded((n) => n + 1);
    }
  }, [prescriptions, ready, t]);

  useEffect(() => {
    if (fresh.size === 0) return;
    const base = document.title;
    document.title = `${t('rx.review.titlePrefix', { count: fresh.size })}${base}`;
    return () => {
      document.title = base;
    };
  }, [fresh.size, t]);

  const toggleMute = useCallback(() => {
    setMuted((m) => {
      setAlertMuted(!m);
      return !m;
    });
  }, []);
  const clear = useCallback(() => setFresh(new Set()), []);
  return { fresh, announcement, sounded, muted, toggleMute, clear };
}
