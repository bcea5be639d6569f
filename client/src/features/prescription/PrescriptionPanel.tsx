import { CHILD_WEIGHT_AGE, type MedicationSummary, type PatientStatus } from '@cloudclinic/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownMedications } from '../../hooks/prescription/medication-cache';
import { usePrescriptionPad } from '../../hooks/prescription/usePrescriptionPad';
import { useRegimenTemplates } from '../../hooks/prescription/useRegimenTemplates';
import { errorMessageKey } from '../../i18n/error-messages';
import { DiagnosisPicker } from './DiagnosisPicker';
import { DrugSearch } from './DrugSearch';
import { FindingList } from './FindingList';
import { shanghaiDateTime } from './format';
import { findingsOf, itemFromMedication, itemsFromTemplate, MAX_PAD_ITEMS, signingMissing, type ItemDraft } from './pad-model';
import { PadItemRow } from './PadItemRow';
import { PrintablePrescription } from './PrintablePrescription';
import { RxStatusBadge } from './RxStatusBadge';
import { SignDialog } from './SignDialog';
import '../../styles/prescription.css';
import { localName, localUnit } from '../../i18n/local-name';


/**
 * The prescription pad inside the consultation (处方 tab): search the county formulary, write doses,
 * see the server's safety findings inline, give override reasons, sign with the password and send
 * for review; the pharmacist's decision shows up live. Keyboard: search → Enter adds → Tab through.
 */
export function PrescriptionPanel({ consultationId }: { consultationId: string }) {
  const { t, i18n } = useTranslation();
  const { state, pad } = usePrescriptionPad(consultationId);
  const templates = useRegimenTemplates();
  const [signOpen, setSignOpen] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [template, setTemplate] = useState('');

  if (state.status === 'loading') return <p role="status">{t('rx.loading')}</p>;
  if (state.status === 'load_failed') {
    return (
      <div className="notice notice--warning" role="alert">
        {t('rx.loadFailed')}{' '}
        <button type="button" className="button clinic-button--small" onClick={() => void pad?.start()}>
          {t('rx.retry')}
        </button>
      </div>
    );
  }

  const { current, draft, editable } = state;
  const code = state.errorCode;
  const errorText = code === null ? null : code === 'findings_block' || code === 'incomplete' || code === 'unsaved' ? t(`rx.errors.${code}`) : t(errorMessageKey(code));
  const edit = (change: Parameters<NonNullable<typeof pad>['edit']>[0]) => pad?.edit(change);
  const updateItem = (key: string, patch: Partial<ItemDraft>) => edit((d) => ({ ...d, items: d.items.map((i) => (i.key === key ? { ...i, ...patch } : i)) }));
  const addMedication = (m: MedicationSummary) => {
    if (draft.items.length >= MAX_PAD_ITEMS) return;
    edit((d) => ({ ...d, items: [...d.items, itemFromMedication(m)] }));
    // Keyboard flow: straight to the new line's dose.
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-testid="rx-item"][data-medication-id="${CSS.escape(m.id)}"] [data-testid="rx-dose"]`)?.focus());
  };
  const applyTemplate = () => {
    const tpl = templates.find((x) => x.id === template);
    if (!tpl) return;
    edit((d) => ({ ...d, diagnosis: d.diagnosis || tpl.diagnosis, items: [...d.items, ...itemsFromTemplate(tpl, knownMedications())].slice(0, MAX_PAD_ITEMS) }));
    setTemplate('');
  };
  const serverQuantity = (medicationId: string) => {
    const i = current?.items.find((x) => x.medicationId === medicationId);
    return i ? t('rx.item.quantityValue', { count: i.quantity.value, unit: localUnit(i.quantity.unit, i18n.language) }) : null;
  };
  const findings = current?.findings ?? [];
  const missing = editable ? signingMissing(draft, current?.patient.birthDate ?? null, new Date()) : [];

  async function sign(password: string): Promise<void> {
    if (await pad?.sign(password)) setSignOpen(false);
  }

  return (
    <section className="rx-pad" data-testid="prescription-panel" aria-label={t('consultation.tabs.prescription')}>
      <header className="rx-pad__header">
        {current ? <RxStatusBadge status={current.status} /> : null}
        {current ? <span className="rx-pad__meta">{t('rx.number', { number: current.number })}</span> : null}
        {current && current.version > 0 ? <span className="rx-pad__meta">{t('rx.version', { version: current.version })}</span> : null}
        {current?.validUntil && current.status !== 'draft' ? <span className="rx-pad__meta">{t('rx.validUntil', { time: shanghaiDateTime(current.validUntil) })}</span> : null}
        {editable ? (
          <span className="rx-pad__save" data-testid="rx-save-state" data-state={state.saving ? 'saving' : state.dirty ? 'dirty' : 'saved'}>
            {state.saving ? t('rx.save.saving') : state.dirty ? t('rx.save.unsaved') : current ? t('rx.save.saved') : ''}
          </span>
        ) : null}
      </header>

      {current?.review?.decision === 'rejected' ? (
        <div className="notice notice--warning rx-pad__rejected" role="alert" data-testid="rx-rejected">
          {t('rx.rejectedBecause', { reason: current.review.reason })}
          {current.status === 'rejected' ? (
            <button type="button" className="button clinic-button--small" onClick={() => void pad?.revise()} data-testid="rx-revise">
              {t('rx.actions.revise')}
            </button>
          ) : null}
        </div>
      ) : null}

      {editable ? (
        <div className="rx-pad__form">
          <div className="rx-field rx-field--wide">
            <span className="rx-field__label">{t('rx.diagnosis')}</span>
            <DiagnosisPicker value={draft.diagnoses} onChange={(diagnoses) => edit((d) => ({ ...d, diagnoses }))} testId="rx-diagnosis" />
          </div>
          <label className="rx-field rx-field--wide">
            <span className="rx-field__label">{t('rx.diagnosisNote')}</span>
            <input className="field__input" value={draft.diagnosis} maxLength={200} onChange={(e) => edit((d) => ({ ...d, diagnosis: e.target.value }))} data-testid="rx-diagnosis-note" />
          </label>
          {templates.length > 0 ? (
            <div className="rx-pad__templates">
              <label className="rx-field">
                <span className="rx-field__label">{t('rx.templates.label')}</span>
                <select className="field__input" value={template} onChange={(e) => setTemplate(e.target.value)} data-testid="rx-template">
                  <option value="">{t('rx.templates.choose')}</option>
                  {templates.map((tpl) => (
                    <option key={tpl.id} value={tpl.id}>
                      {tpl.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="button clinic-button--small" disabled={!template} onClick={applyTemplate} data-testid="rx-template-apply">
                {t('rx.templates.apply')}
              </button>
            </div>
          ) : null}
          <DrugSearch onAdd={addMedication} disabled={draft.items.length >= MAX_PAD_ITEMS} />
        </div>
      ) : null}

      <ol className="rx-items">
        {draft.items.map((item) => (
          <PadItemRow
            key={item.key}
            item={item}
            serverQuantity={serverQuantity(item.medicationId)}
            findings={findingsOf(findings, item.medicationId)}
            readOnly={!editable}
            onChange={(patch) => updateItem(item.key, patch)}
            onRemove={() => edit((d) => ({ ...d, items: d.items.filter((i) => i.key !== item.key) }))}
          />
        ))}
      </ol>

      {editable ? (
        <div className="rx-pad__options">
          <label className="rx-field">
            <span className="rx-field__label">{t('rx.validity.label')}</span>
            <select className="field__input" value={draft.validityDays} onChange={(e) => edit((d) => ({ ...d, validityDays: Number(e.target.value) }))} data-testid="rx-validity">
              {[1, 2, 3].map((n) => (
                <option key={n} value={n}>
                  {t(n === 1 ? 'rx.validity.day1' : n === 2 ? 'rx.validity.day2' : 'rx.validity.day3')}
                </option>
              ))}
            </select>
          </label>
          <label className="rx-field">
            <span className="rx-field__label">{t('rx.patientStatus.pregnancy')}</span>
            <select
              className="field__input"
              value={draft.patientStatus.pregnancy}
              onChange={(e) => {
                const pregnancy = PREGNANCY.find((p) => p === e.target.value) ?? 'unknown';
                edit((d) => ({ ...d, patientStatus: { ...d.patientStatus, pregnancy } }));
              }}
            >
              <option value="unknown">{t('rx.patientStatus.unknown')}</option>
              <option value="pregnant">{t('rx.patientStatus.pregnant')}</option>
              <option value="not_pregnant">{t('rx.patientStatus.notPregnant')}</option>
            </select>
          </label>
          <label className="rx-field">
            <span className="rx-field__label">{t('rx.weight.label')}</span>
            <input
              className="field__input"
              type="number"
              min={0.5}
              max={300}
              step={0.1}
              value={draft.patientStatus.weightKg ?? ''}
              onChange={(e) => {
                const kg = Number(e.target.value);
                edit((d) => ({ ...d, patientStatus: { ...d.patientStatus, weightKg: e.target.value && kg > 0 && kg <= 300 ? kg : null } }));
              }}
              data-testid="rx-weight"
            />
          </label>
          <label className="rx-field rx-field--check">
            <input type="checkbox" checked={draft.patientStatus.lactating} onChange={(e) => edit((d) => ({ ...d, patientStatus: { ...d.patientStatus, lactating: e.target.checked } }))} />
            <span>{t('rx.patientStatus.lactating')}</span>
          </label>
        </div>
      ) : null}

      <section className="rx-pad__findings" aria-live="polite">
        <h3 className="rx-pad__subtitle">{t('rx.findings.title')}</h3>
        {current?.checkError ? (
          <p className="notice notice--warning">
            {t('rx.findings.checkError', { message: current.checkError })}{' '}
            <button type="button" className="button clinic-button--small" onClick={() => void pad?.flush()}>
              {t('rx.findings.recheck')}
            </button>
          </p>
        ) : null}
        {!current || draft.items.length === 0 ? <p className="rx-pad__hint">{t('rx.findings.notChecked')}</p> : null}
        {current && findings.length === 0 && !current.checkError && draft.items.length > 0 ? <p className="rx-pad__ok">{t('rx.findings.none')}</p> : null}
        <FindingList
          findings={findings}
          {...(editable ? { overrides: draft.overrides, onOverride: (id: string, o: { code: typeof draft.overrides[string]['code']; reason: string }) => edit((d) => ({ ...d, overrides: { ...d.overrides, [id]: o } })) } : {})}
        />
      </section>

      {missing.length > 0 && draft.items.length > 0 ? (
        <ul className="notice notice--warning rx-pad__missing" data-testid="rx-missing">
          {missing.map((m) => (
            <li key={m} data-missing={m}>
              {m === 'diagnosis' ? t('rx.diagnoses.required') : t('rx.weight.required', { age: CHILD_WEIGHT_AGE })}
            </li>
          ))}
        </ul>
      ) : null}

      {errorText && !signOpen ? (
        <p className="clinic-form__error" role="alert" data-testid="rx-error">
          {errorText}
        </p>
      ) : null}

      <div className="rx-pad__actions">
        {editable ? (
          <button type="button" className="button button--primary" disabled={!state.canSign || missing.length > 0} onClick={() => setSignOpen(true)} data-testid="rx-sign">
            {state.signing ? t('rx.actions.signing') : t('rx.actions.sign')}
          </button>
        ) : null}
        {current && current.version > 0 ? (
          <button type="button" className="button" onClick={() => setPrinting(true)} data-testid="rx-print-open">
            {t('rx.actions.print')}
          </button>
        ) : null}
        {current && !editable && current.status !== 'rejected' ? (
          <button type="button" className="button" onClick={() => pad?.startNew()} data-testid="rx-new">
            {t('rx.actions.newPrescription')}
          </button>
        ) : null}
      </div>

      {state.prescriptions.length > 1 ? (
        <ul className="rx-pad__others">
          {state.prescriptions
            .filter((p) => p.id !== current?.id)
            .map((p) => (
              <li key={p.id}>
                {p.number} · {p.items.map((i) => localName(i, i18n.language)).join(i18n.language.startsWith('en') ? ', ' : '、')} <RxStatusBadge status={p.status} />
              </li>
            ))}
        </ul>
      ) : null}

      <SignDialog
        open={signOpen}
        pending={state.signing}
        error={signOpen ? errorText : null}
        onSign={(password) => void sign(password)}
        onCancel={() => setSignOpen(false)}
      />
      {printing && current ? <PrintablePrescription prescriptionId={current.id} onClose={() => setPrinting(false)} /> : null}
    </section>
  );
}

const PREGNANCY: readonly PatientStatus['pregnancy'][] = ['unknown', 'pregnant', 'not_pregnant'];
