import { lazy, useState, type ComponentType } from 'react';

type Module<P> = { default: ComponentType<P> };

export interface Preloadable<P extends object> {
  /** Renders at once when the chunk is already loaded, else suspends like `React.lazy`. */
  Component: ComponentType<P>;
  /** Starts loading the chunk (once); settles when it is there. */
  preload(): Promise<Module<P>>;
}

/**
 * A lazily loaded screen that does not wait when its chunk is already there. `React.lazy` always
 * suspends on its first render, and React holds a Suspense boundary's content back for up to
 * 300 ms after its fallback showed: a chunk loaded ahead (see `main.tsx`) would still cost that.
 * Each mount keeps the component it started with, so a screen is never remounted by the switch.
 */
export function preloadable<P extends object>(load: () => Promise<Module<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<Module<P>> | null = null;
  const preload = (): Promise<Module<P>> => {
    pending ??= load().then(
      (m) => {
        loaded = m.default;
        return m;
      },
      (err: unknown) => {
        pending = null; // a failed download may be retried
        throw err;
      },
    );
    return pending;
  };
  const Lazy = lazy(preload);
  function Component(props: P) {
    const [Chosen] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Chosen {...props} />;
  }
  return { Component, preload };
}
