import { MARK_COLORS, type Mark, type MarkKind } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';

const TOOLS: readonly MarkKind[] = ['arrow', 'circle', 'freehand', 'text'];

interface AnnotationToolbarProps {
  tool: MarkKind | null;
  color: Mark['color'];
  canUndo: boolean;
  /** The tools offered (default: all four). */
  tools?: readonly MarkKind[];
  snapshotPending?: boolean;
  onTool(tool: MarkKind | null): void;
  onColor(color: Mark['color']): void;
  onUndo(): void;
  onClear(): void;
  /** Absent: no snapshot button. */
  onSnapshot?(): void;
}

/** Drawing tools for marks on the field video: arrow, circle, freehand, text; colour; undo, clear; snapshot to the record. */
export function AnnotationToolbar(p: AnnotationToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="annot-toolbar" role="toolbar" aria-label={t('annotations.toolbar')}>
      {(p.tools ?? TOOLS).map((tool) => (
        <button
          key={tool}
          type="button"
          className="annot-toolbar__button"
          aria-pressed={p.tool === tool}
          data-testid={`annot-tool-${tool}`}
          onClick={() => p.onTool(p.tool === tool ? null : tool)}
        >
          {t(`annotations.tools.${tool}`)}
        </button>
      ))}
      <span className="annot-toolbar__colors" role="radiogroup" aria-label={t('annotations.color')}>
        {MARK_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={p.color === c}
            aria-label={c}
            className="annot-toolbar__color"
            style={{ background: c }}
            onClick={() => p.onColor(c)}
          />
        ))}
      </span>
      <button type="button" className="annot-toolbar__button" disabled={!p.canUndo} onClick={p.onUndo} data-testid="annot-undo">
        {t('annotations.undo')}
      </button>
      <button type="button" className="annot-toolbar__button" disabled={!p.canUndo} onClick={p.onClear} data-testid="annot-clear">
        {t('annotations.clear')}
      </button>
      {p.onSnapshot ? (
        <button type="button" className="annot-toolbar__button annot-toolbar__button--primary" disabled={p.snapshotPending} onClick={p.onSnapshot} data-testid="annot-snapshot">
          {p.snapshotPending ? t('annotations.saving') : t('annotations.snapshot')}
        </button>
      ) : null}
    </div>
  );
}
