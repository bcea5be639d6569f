import { useTranslation } from 'react-i18next';

/** The one-time recovery codes, shown once after enrolment, with the step that moves on. */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone(): void }) {
  const { t } = useTranslation();
  return (
    <section className="mfa-recovery" aria-labelledby="mfa-recovery-title" data-testid="mfa-recovery">
      <h2 id="mfa-recovery-title">{t('mfa.recoveryTitle')}</h2>
      <p role="status">{t('mfa.recoveryIntro')}</p>
      <ol className="mfa-recovery__codes" data-testid="mfa-recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <button type="button" className="button button--primary" onClick={onDone} data-testid="mfa-recovery-done">
        {t('mfa.recoveryDone')}
      </button>
    </section>
  );
}
