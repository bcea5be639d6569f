import { LoadingState } from './LoadingState';

/** Suspense fallback while a lazily loaded area arrives. */
export function LoadingScreen() {
  return (
    <div className="loading-screen">
      <LoadingState size="block" />
    </div>
  );
}
