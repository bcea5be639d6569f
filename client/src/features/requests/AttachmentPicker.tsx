import type { Attachables } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { formatDicomDate } from '../imaging/dicom-json';
import '../../styles/requests.css';

interface AttachmentPickerProps {
  attachables: Attachables;
  studyUids: string[];
  reportIds: string[];
  onStudies(uids: string[]): void;
  onReports(ids: string[]): void;
}

const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

/** The patient's PACS studies and HIS reports to send with the request. */
export function AttachmentPicker({ attachables, studyUids, reportIds, onStudies, onReports }: AttachmentPickerProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="request-form__group">
      <legend>{t('requests.form.attachments')}</legend>
      {attachables.unavailable.map((source) => (
        <p key={source} className="notice notice--warning" role="status">
          {t(`requests.form.unavailable.${source}`)}
        </p>
      ))}
      <p className="field__label">{t('requests.form.studies')}</p>
      {attachables.studies.length === 0 ? <p className="notice">{t('requests.form.noStudies')}</p> : null}
      <ul className="request-form__checks">
        {attachables.studies.map((s) => (
          <li key={s.studyUid}>
            <label>
              <input type="checkbox" checked={studyUids.includes(s.studyUid)} onChange={(e) => onStudies(toggle(studyUids, s.studyUid, e.target.checked))} data-testid="request-study" data-study-uid={s.studyUid} data-modalities={s.modalities.join(',')} />
              {s.modalities.join('/')} · {s.description ?? t('requests.form.noDescription')} · {formatDicomDate(s.date)}
            </label>
          </li>
        ))}
      </ul>
      <p className="field__label">{t('requests.form.reports')}</p>
      {attachables.reports.length === 0 ? <p className="notice">{t('requests.form.noReports')}</p> : null}
      <ul className="request-form__checks request-form__checks--scroll">
        {attachables.reports.map((r) => (
          <li key={r.id}>
            <label>
              <input type="checkbox" checked={reportIds.includes(r.id)} onChange={(e) => onReports(toggle(reportIds, r.id, e.target.checked))} data-testid="request-report" data-report-id={r.id} />
              {r.title} · {r.date?.slice(0, 10) ?? ''}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
