import type { KioskAppointmentView } from '@cloudclinic/shared';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatShanghaiDate } from './print-date';
import { localName } from '../../i18n/local-name';
import { SummaryReferral } from './SummaryReferral';

/** The public verification page behind the QR (exists for every signed prescription; no login). */
export function verifyUrl(prescriptionId: string): string {
  return `${window.location.origin}/verify/${encodeURIComponent(prescriptionId)}`;
}

/**
 * The one-page summary the patient takes home: what the expert found, each medicine with how to take
 * it in plain words, and a QR + short code to check the prescription. Hidden on screen, printed alone.
 */
export function PrintableSummary({ appointment: a }: { appointment: KioskAppointmentView }) {
  const { t, i18n } = useTranslation();
  const s = a.summary;
  const prescriptions = s?.prescriptions ?? [];
  const signed = prescriptions.find((p) => p.verifyCode !== null) ?? null;
  const [qr, setQr] = useState<string | null>(null);
  const en = i18n.language.startsWith('en');

  useEffect(() => {
    if (!signed) return;
    let live = true;
    QRCode.toDataURL(verifyUrl(signed.id), { errorCorrectionLevel: 'M', margin: 1, width: 140 }).then(
      (url) => live && setQr(url),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [signed]);

  return createPortal(
    <article className="kiosk-print-root" data-testid="kiosk-print" aria-hidden="true">
      <h1>{t('kiosk.print.title')}</h1>
      <p>{a.patientLabel}</p>
      <p>{t('kiosk.print.hospital', { place: a.institution.name })}</p>
      <p>{t('kiosk.print.expert', { department: localName({ name: a.departmentName, nameEn: a.departmentNameEn }, i18n.language), expert: a.expertName })}</p>
      <p>{t('kiosk.print.date', { date: formatShanghaiDate(a.completedAt ?? new Date().toISOString()) })}</p>
      <h2>{t('kiosk.summary.assessment')}</h2>
      <p data-testid="kiosk-print-assessment">{s?.assessment || t('kiosk.summary.none')}</p>
      <h2>{t('kiosk.summary.plan')}</h2>
      <p>{s?.plan || t('kiosk.summary.none')}</p>
      <h2>{t('kiosk.print.drugs')}</h2>
      {prescriptions.length === 0 ? (
        <p>{t('kiosk.summary.noPrescriptions')}</p>
      ) : (
        <ol className="kiosk-print__drugs">
          {prescriptions.flatMap((p) =>
            p.drugs.map((d, i) => (
              <li key={`${p.id}-${i}`} data-testid="kiosk-print-drug">
                <strong>
                  {d.name} {d.strength} ×{d.quantity}
                </strong>
                <br />
                {en ? d.instruction.en : d.instruction.zh}
              </li>
            )),
          )}
        </ol>
      )}
      {signed ? (
        <figure className="kiosk-print__verify">
          {qr ? <img src={qr} alt="" width={140} height={140} /> : null}
          <figcaption>
            {t('kiosk.print.verify')}
            <br />
            <span data-testid="kiosk-print-code">{t('kiosk.print.code', { code: signed.verifyCode })}</span>
          </figcaption>
        </figure>
      ) : null}
      {s?.referral ? (
        <>
          <h2>{t('kiosk.summary.referral')}</h2>
          <SummaryReferral referral={s.referral} prefix="kiosk-print" />
        </>
      ) : null}
      <p>{t('kiosk.summary.nextFollowUp')}</p>
    </article>,
    document.body,
  );
}
