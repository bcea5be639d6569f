import type { PrescriptionSheet } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { SheetHeader } from './SheetHeader';
import { SheetItems } from './SheetItems';
import { SheetPatient } from './SheetPatient';
import { SheetSignatures } from './SheetSignatures';

/** One 处方笺: header, patient and diagnosis, Rp. lines with amounts, signatures and verification. */
export function PrescriptionSheetView({ sheet, qr }: { sheet: PrescriptionSheet; qr: string }) {
  const { i18n } = useTranslation();
  return (
    <article className="rx-sheet" lang={i18n.language.startsWith('en') ? 'en' : 'zh-CN'} data-testid="rx-sheet">
      <SheetHeader sheet={sheet} />
      <SheetPatient sheet={sheet} />
      <SheetItems sheet={sheet} />
      <SheetSignatures sheet={sheet} qr={qr} />
    </article>
  );
}
