import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteEditor as NoteEditorModel } from '../../hooks/clinic/useNoteEditor';
import { NOTE_REQUIREMENTS } from '@cloudclinic/shared';
import { errorMessageKey } from '../../i18n/error-messages';
import { DiagnosisPicker } from '../prescription/DiagnosisPicker';
import { isEnglish } from '../prescription/format';
import { NOTE_FIELDS, type NoteField } from './note-draft';
import { NoteSaveStatus } from './NoteSaveStatus';
import { NoteVersions } from './NoteVersions';

const TEST_IDS: Partial<Record<NoteField, string>> = { chiefComplaint: 'note-chief-complaint', plan: 'note-plan' };
const ROWS: Record<NoteField, number> = { chiefComplaint: 2, history: 4, examination: 3, assessment: 3, plan: 4 };

/** The consultation note: five labelled fields, autosaved; read-only with its signed versions once signed. */
export function NoteEditor({ editor }: { editor: NoteEditorModel }) {
  const { t, i18n } = useTranslation();
  const en = isEnglish(i18n.language);
  const baseId = useId();
  const { snapshot } = editor;
  const readOnly = snapshot.signed || snapshot.status === 'loading' || snapshot.status === 'load_failed';

  return (
    <section className="note-editor" data-testid="consult-note" data-status={snapshot.status} aria-labelledby={`${baseId}-title`}>
      <div className="note-editor__header">
        <h2 id={`${baseId}-title`} className="note-editor__title">
          {t('note.title')}
        </h2>
        <NoteSaveStatus snapshot={snapshot} onRetry={() => void editor.flush()} />
      </div>
      {snapshot.status === 'load_failed' ? (
        <div className="load-error" role="alert">
          <p>{t(errorMessageKey(snapshot.errorCode ?? 'unknown'))}</p>
          <button type="button" className="button button--secondary" onClick={editor.reload}>
            {t('clinic.retry')}
          </button>
        </div>
      ) : null}
      {snapshot.restoredDraft ? (
        <p className="notice" role="status" data-testid="note-restored">
          {t('note.restored')}
        </p>
      ) : null}
      {snapshot.signed ? <p className="notice">{t('note.signedReadOnly')}</p> : null}
      {NOTE_FIELDS.map((field) => (
        <div className="field note-editor__field" key={field}>
          <label className="field__label" htmlFor={`${baseId}-${field}`}>
            {t(`note.fields.${field}`)}
          </label>
          <textarea
            id={`${baseId}-${field}`}
            className="field__input note-editor__textarea"
            rows={ROWS[field]}
            value={snapshot.fields[field]}
            readOnly={readOnly}
            aria-readonly={readOnly}
            onChange={(e) => editor.edit(field, e.target.value)}
            onBlur={() => void editor.flush()}
            data-testid={TEST_IDS[field] ?? `note-${field}`}
          />
        </div>
      ))}
      <div className="field note-editor__field">
        <span className="field__label">{t('note.diagnoses')}</span>
        <DiagnosisPicker value={snapshot.diagnoses} readOnly={readOnly} max={10} onChange={(next) => void editor.setDiagnoses(next.map((d) => d.code))} testId="note-diagnosis" />
      </div>
      {snapshot.missing.length > 0 ? (
        <div className="notice notice--warning" role="status" data-testid="note-missing">
          <p>{t('note.missingBeforeEnd')}</p>
          <ul>
            {snapshot.missing.map((m) => (
              <li key={m} data-missing={m}>
                {en ? NOTE_REQUIREMENTS[m].en : NOTE_REQUIREMENTS[m].zh}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {snapshot.versions.length > 0 ? <NoteVersions versions={snapshot.versions} /> : null}
    </section>
  );
}
