import type { NoteView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../clinic/clinic-time';

/** Signed versions of the note (v1 at the end of the visit, later ones are amendments), with their hashes. */
export function NoteVersions({ versions }: { versions: NoteView['versions'] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="note-versions" aria-label={t('note.versions')} data-testid="note-versions">
      <h3 className="note-versions__title">{t('note.versions')}</h3>
      <ol className="note-versions__list">
        {versions.map((v) => (
          <li key={v.version} data-testid="note-version">
            {t('note.version', { version: v.version, at: formatDateTime(v.signedAt, i18n.language) })}{' '}
            <code className="note-versions__hash" title={v.hash}>
              {v.hash.slice(0, 12)}
            </code>
          </li>
        ))}
      </ol>
    </section>
  );
}
