import { WINDOW_PRESETS } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import type { ViewerTool, Voi } from './cornerstone/stack-controller';
import { CT_WINDOWS, presetOf, type WindowPreset } from './window-presets';

const TOOLS: ViewerTool[] = ['windowLevel', 'pan', 'zoom', 'length', 'angle', 'ellipse'];

interface ViewerToolbarProps {
  tool: ViewerTool;
  onTool(tool: ViewerTool): void;
  /** Window presets are in Hounsfield units: offered for CT only. */
  presets: boolean;
  voi: Voi | null;
  onPreset(preset: WindowPreset): void;
  onReset(): void;
  cine: { available: boolean; playing: boolean; fps: number };
  onCine(playing: boolean): void;
  disabled: boolean;
}

export function ViewerToolbar({ tool, onTool, presets, voi, onPreset, onReset, cine, onCine, disabled }: ViewerToolbarProps) {
  const { t } = useTranslation();
  const activePreset = presetOf(voi);
  return (
    <div className="imaging-toolbar" role="toolbar" aria-label={t('imaging.tools.label')}>
      <span className="imaging-toolbar__group">
        {TOOLS.map((name) => (
          <button
            key={name}
            type="button"
            className={`imaging-tool${tool === name ? ' imaging-tool--active' : ''}`}
            aria-pressed={tool === name}
            disabled={disabled}
            onClick={() => onTool(name)}
            data-testid={`imaging-tool-${name}`}
          >
            {t(`imaging.tools.${name}`)}
          </button>
        ))}
        <button type="button" className="imaging-tool" disabled={disabled} onClick={onReset} data-testid="imaging-reset">
          {t('imaging.tools.reset')}
        </button>
      </span>
      {presets ? (
        <span className="imaging-toolbar__group" aria-label={t('imaging.presets.label')}>
          {WINDOW_PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              className={`imaging-tool${activePreset === p ? ' imaging-tool--active' : ''}`}
              disabled={disabled}
              title={`W ${CT_WINDOWS[p].width} / L ${CT_WINDOWS[p].center}`}
              onClick={() => onPreset(p)}
              data-testid={`imaging-preset-${p}`}
            >
              {t(`imaging.presets.${p}`)}
            </button>
          ))}
        </span>
      ) : null}
      {cine.available ? (
        <span className="imaging-toolbar__group">
          <button type="button" className="imaging-tool" disabled={disabled} onClick={() => onCine(!cine.playing)} data-testid="imaging-cine">
            {cine.playing ? t('imaging.cine.pause') : t('imaging.cine.play')}
          </button>
          <span className="imaging-toolbar__note">{t('imaging.cine.fps', { fps: cine.fps })}</span>
        </span>
      ) : null}
    </div>
  );
}
