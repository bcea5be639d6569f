import { useTranslation } from 'react-i18next';
import { Spinner } from './Spinner';

interface LoadingStateProps {
  /** Already-translated words for what is loading; 正在加载… by default. */
  label?: string;
  /** `block`: centred in the space it is given; `inline`: within a line of text. */
  size?: 'block' | 'inline';
  testId?: string;
}

/** A load in progress: a spinner and what is loading, announced politely to screen readers. */
export function LoadingState({ label, size = 'inline', testId = 'loading-state' }: LoadingStateProps) {
  const { t } = useTranslation();
  return (
    <p className={`loading-state loading-state--${size}`} role="status" aria-live="polite" data-testid={testId}>
      <Spinner />
      <span>{label ?? t('app.loading')}</span>
    </p>
  );
}
