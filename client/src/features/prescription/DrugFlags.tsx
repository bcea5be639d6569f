import type { MedicationSummary } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';

/** Small tags for controlled, antibiotic and high-alert products. */
export function DrugFlags({ flags }: { flags: MedicationSummary['flags'] }) {
  const { t } = useTranslation();
  const tags: { key: string; text: string; danger: boolean }[] = [];
  if (flags.narcotic) tags.push({ key: 'n', text: t('rx.flags.narcotic'), danger: true });
  if (flags.psychotropic === 'I') tags.push({ key: 'p1', text: t('rx.flags.psychotropicI'), danger: true });
  if (flags.psychotropic === 'II') tags.push({ key: 'p2', text: t('rx.flags.psychotropicII'), danger: false });
  if (flags.antibioticGrade) tags.push({ key: 'ab', text: t('rx.flags.antibiotic', { grade: t(`rx.grades.${flags.antibioticGrade}`) }), danger: false });
  if (flags.highAlert) tags.push({ key: 'ha', text: t('rx.flags.highAlert'), danger: false });
  if (tags.length === 0) return null;
  return (
    <span className="rx-flags">
      {tags.map((tag) => (
        <span key={tag.key} className={`rx-flag${tag.danger ? ' rx-flag--danger' : ''}`}>
          {tag.text}
        </span>
      ))}
    </span>
  );
}
