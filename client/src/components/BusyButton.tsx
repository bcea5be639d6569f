import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Spinner } from './Spinner';

interface BusyButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-busy'> {
  /** The button's request is under way: disabled (no second submit), aria-busy, a spinner. */
  busy: boolean;
  /** What to say while busy (正在提交…); the button's own words by default. */
  busyLabel?: ReactNode;
}

/** A button that starts a network action and shows it is running until it settles. */
export function BusyButton({ busy, busyLabel, disabled, children, type = 'button', ...rest }: BusyButtonProps) {
  return (
    <button {...rest} type={type} disabled={busy || disabled} aria-busy={busy}>
      {busy ? (
        <span className="button__busy">
          <Spinner />
          {busyLabel ?? children}
        </span>
      ) : (
        children
      )}
    </button>
  );
}
