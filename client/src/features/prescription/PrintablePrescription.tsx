import { SignedPrescriptionPayloadSchema, type SignedPrescriptionPayload } from '@cloudclinic/shared';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { prescriptionApi } from '../../api/prescription-api';
import { ageInYears, directions, shanghaiDateTime } from './format';

interface PrintablePrescriptionProps {
  prescriptionId: string;
  reviewer?: string | null;
  dispenser?: string | null;
  onClose(): void;
}

/** The verification address printed as a QR code: any signed-in pharmacy or the platform can check the signature. */
export function verificationUrl(prescriptionId: string): string {
  return `${window.location.origin}/api/prescriptions/${encodeURIComponent(prescriptionId)}/verify`;
}

/**
 * The printable prescription (处方笺, A5, Chinese), rendered from the signed document itself — what is
 * printed is what was signed — with a QR code of the verification URL. Printing hides the rest of the page.
 */
export function PrintablePrescription({ prescriptionId, reviewer = null, dispenser = null, onClose }: PrintablePrescriptionProps) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<{ payload: SignedPrescriptionPayload; qr: string } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    void (async () => {
      try {
        const signed = await prescriptionApi.document(prescriptionId, controller.signal);
        const payload = SignedPrescriptionPayloadSchema.parse(JSON.parse(signed.canonical));
        const qr = await QRCode.toDataURL(verificationUrl(prescriptionId), { errorCorrectionLevel: 'M', margin: 1, width: 160 });
        if (!controller.signal.aborted) setDoc({ payload, qr });
      } catch {
        if (!controller.signal.aborted) setFailed(true);
      }
    })();
    return () => controller.abort();
  }, [prescriptionId]);

  const p = doc?.payload;
  const age = p ? ageInYears(p.patient.birthDate, new Date(p.issuedAt)) : null;
  return createPortal(
    <div className="rx-print-root" role="dialog" aria-modal="true" aria-label={t('rx.print.title')} data-testid="rx-print">
      <div className="rx-print-toolbar">
        <button type="button" className="button button--primary" onClick={() => window.print()} disabled={!p} data-testid="rx-print-now">
          {t('rx.print.printNow')}
        </button>
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('rx.print.close')}
        </button>
      </div>
      {failed ? <p className="notice notice--warning">{t('rx.loadFailed')}</p> : null}
      {p && doc ? (
        <article className="rx-sheet" lang="zh-CN">
          <header className="rx-sheet__header">
            <p className="rx-sheet__hospital">{p.prescriber.institution}</p>
            <h1 className="rx-sheet__title">{t('rx.print.title')}</h1>
            <p className="rx-sheet__subtitle">{t('rx.print.subtitle')}</p>
            <dl className="rx-sheet__meta">
              <div>
                <dt>{t('rx.print.number')}</dt>
                <dd data-testid="rx-print-number">{p.number}</dd>
              </div>
              <div>
                <dt>{t('rx.print.date')}</dt>
                <dd>{shanghaiDateTime(p.issuedAt)}</dd>
              </div>
            </dl>
          </header>
          <dl className="rx-sheet__patient">
            <div>
              <dt>{t('rx.print.name')}</dt>
              <dd>{p.patient.name}</dd>
            </div>
            <div>
              <dt>{t('rx.print.sex')}</dt>
              <dd>{t(`rx.print.sexes.${p.patient.sex === 'male' || p.patient.sex === 'female' || p.patient.sex === 'other' ? p.patient.sex : 'unknown'}`)}</dd>
            </div>
            <div>
              <dt>{t('rx.print.age')}</dt>
              <dd>{age === null ? '—' : t('rx.print.ageValue', { age })}</dd>
            </div>
            <div>
              <dt>{t('rx.print.institution')}</dt>
              <dd>{p.patient.institution}</dd>
            </div>
            <div className="rx-sheet__wide">
              <dt>{t('rx.print.diagnosis')}</dt>
              <dd>{p.diagnosis || '—'}</dd>
            </div>
          </dl>
          <section className="rx-sheet__rp">
            <p className="rx-sheet__rp-mark">Rp.</p>
            <ol>
              {p.items.map((i) => (
                <li key={i.medicationId}>
                  <span className="rx-sheet__drug">
                    {i.name} {i.strength} × {i.quantity.value}
                    {i.quantity.unit}
                  </span>
                  <span className="rx-sheet__sig">
                    Sig: {directions(i, 'zh-CN')}
                    {i.instructions ? `；${i.instructions}` : ''}（{i.days}天）
                  </span>
                </li>
              ))}
            </ol>
          </section>
          <footer className="rx-sheet__footer">
            <dl>
              <div>
                <dt>{t('rx.print.prescriber')}</dt>
                <dd>
                  {p.prescriber.name}（{p.prescriber.department ?? p.prescriber.institution}）
                </dd>
              </div>
              <div>
                <dt>{t('rx.print.qualification')}</dt>
                <dd>{p.prescriber.qualificationNo ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('rx.print.signedAt')}</dt>
                <dd>{shanghaiDateTime(p.issuedAt)}</dd>
              </div>
              <div>
                <dt>{t('rx.print.validUntil')}</dt>
                <dd>{shanghaiDateTime(p.validUntil)}</dd>
              </div>
              <div>
                <dt>{t('rx.print.pharmacist')}</dt>
                <dd>{reviewer ?? ''}</dd>
              </div>
              <div>
                <dt>{t('rx.print.dispenser')}</dt>
                <dd>{dispenser ?? ''}</dd>
              </div>
            </dl>
            <figure className="rx-sheet__qr">
              <img src={doc.qr} alt={t('rx.print.verify')} width={96} height={96} data-testid="rx-print-qr" />
              <figcaption>{t('rx.print.verify')}</figcaption>
            </figure>
          </footer>
        </article>
      ) : null}
    </div>,
    document.body,
  );
}
