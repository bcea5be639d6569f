import type { LinkMode } from './link-guard';

/** The field doctor's choice: follow the link (`auto`), or hold video or audio whatever it does. */
export type LinkOverride = 'auto' | LinkMode;

/** Why the call is in its mode: the doctor chose it, or the link guard decided it. */
export type LinkCause = 'chosen' | 'automatic';

export interface LinkState {
  mode: LinkMode;
  cause: LinkCause;
}

/**
 * What is in force and why. Audio-only chosen by hand and audio-only forced by a collapsing link are
 * different states: the first is not the network's fault and does not come back to video by itself.
 */
export function linkState(override: LinkOverride, auto: LinkMode): LinkState {
  return override === 'auto' ? { mode: auto, cause: 'automatic' } : { mode: override, cause: 'chosen' };
}
