import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelTabs } from '../../components/PanelTabs';

export type PanelKey = 'record' | 'imaging' | 'prescription' | 'note' | 'opinion' | 'referral';
const ORDER: readonly PanelKey[] = ['record', 'imaging', 'prescription', 'note', 'opinion', 'referral'];

/** The side panel of the consultation page: 病历 / 影像 / 处方 / 记录 / 会诊意见 / 转诊. */
export function ConsultationPanels({ panels, initial = 'note' }: { panels: Record<PanelKey, ReactNode>; initial?: PanelKey }) {
  const { t } = useTranslation();
  return <PanelTabs order={ORDER} panels={panels} initial={initial} label={t('consultation.panels')} tabLabel={(k) => t(`consultation.tabs.${k}`)} testIdPrefix="tab-" />;
}
