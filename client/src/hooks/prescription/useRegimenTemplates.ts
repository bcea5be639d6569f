import type { RegimenTemplate } from '@cloudclinic/shared';
import { useEffect, useState } from 'react';
import { prescriptionApi } from '../../api/prescription-api';
import { remember } from './medication-cache';

/** The regimen templates (常用处方模板); the catalogue entries they name are remembered for units and quantities. */
export function useRegimenTemplates(): RegimenTemplate[] {
  const [templates, setTemplates] = useState<RegimenTemplate[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    prescriptionApi.templates(controller.signal).then(
      ({ templates: list, medications }) => {
        remember(medications);
        setTemplates(list);
      },
      () => undefined, // a convenience: the pad works without templates
    );
    return () => controller.abort();
  }, []);
  return templates;
}
