import { useTranslation } from 'react-i18next';

interface KeypadProps {
  keys: readonly string[];
  /** Grid columns (CSS). */
  columns: number;
  onKey(key: string): void;
  onBackspace(): void;
  onClear(): void;
  disabled?: boolean;
}

/**
 * On-screen keys for the kiosk (64 px+ touch targets), so nobody needs a keyboard. A physical keyboard
 * or a barcode scanner still types into the field itself.
 */
export function Keypad({ keys, columns, onKey, onBackspace, onClear, disabled }: KeypadProps) {
  const { t } = useTranslation();
  return (
    <div className="keypad" role="group" aria-label={t('kiosk.keypad.label')} style={{ gridTemplateColumns: `repeat(${columns}, minmax(4rem, 1fr))`, maxWidth: `${columns * 7.5}rem` }}>
      {keys.map((key) => (
        <button
          key={key}
          type="button"
          className="keypad__key"
          disabled={disabled}
          onClick={() => onKey(key)}
          data-testid={`keypad-${key}`}
        >
          {key}
        </button>
      ))}
      <button type="button" className="keypad__key keypad__key--action" disabled={disabled} onClick={onBackspace} aria-label={t('kiosk.keypad.backspace')}>
        ⌫
      </button>
      <button type="button" className="keypad__key keypad__key--action" disabled={disabled} onClick={onClear}>
        {t('kiosk.keypad.clear')}
      </button>
    </div>
  );
}
