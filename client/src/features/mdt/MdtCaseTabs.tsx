import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelTabs } from '../../components/PanelTabs';

export type MdtTab = 'summary' | 'record' | 'imaging' | 'opinion';
const ORDER: readonly MdtTab[] = ['summary', 'record', 'imaging', 'opinion'];

/** The current case's panels: 病例摘要 / 病历 / 影像 / 会诊意见. */
export function MdtCaseTabs({ panels }: { panels: Record<MdtTab, ReactNode> }) {
  const { t } = useTranslation();
  return <PanelTabs order={ORDER} panels={panels} initial="summary" label={t('mdt.casePanels')} tabLabel={(k) => t(`mdt.tabs.${k}`)} testIdPrefix="mdt-tab-" />;
}
