import { createElement, Suspense, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { preloadable } from './preloadable';

const Screen: ComponentType<{ name: string }> = ({ name }) => createElement('p', null, `screen ${name}`);
const inSuspense = (C: ComponentType<{ name: string }>) => renderToString(createElement(Suspense, { fallback: 'loading' }, createElement(C, { name: 'a' })));

describe('preloadable', () => {
  it('renders at once, without a fallback, once its chunk is loaded', async () => {
    const screen = preloadable(() => Promise.resolve({ default: Screen }));
    await screen.preload();
    const html = inSuspense(screen.Component);
    expect(html).toContain('<p>screen a</p>');
    expect(html).not.toContain('loading');
  });

  it('suspends like React.lazy while its chunk is not loaded', () => {
    const screen = preloadable(() => new Promise<{ default: typeof Screen }>(() => undefined));
    expect(inSuspense(screen.Component)).toContain('loading');
    expect(inSuspense(screen.Component)).not.toContain('screen a');
  });

  it('downloads once however often it is asked, and again after a failed download', async () => {
    let calls = 0;
    let fail = true;
    const screen = preloadable(() => {
      calls += 1;
      return fail ? Promise.reject(new Error('offline')) : Promise.resolve({ default: Screen });
    });
    await expect(screen.preload()).rejects.toThrow('offline');
    fail = false;
    await Promise.all([screen.preload(), screen.preload()]);
    expect(calls).toBe(2);
    expect(inSuspense(screen.Component)).toContain('<p>screen a</p>');
  });
});
