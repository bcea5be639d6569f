import { describe, expect, it } from 'vitest';
import { linkState } from './link-mode';

describe('linkState: the mode in force and why', () => {
  it('audio-only chosen by hand is its own state, whatever the link guard says', () => {
    expect(linkState('audio', 'video')).toEqual({ mode: 'audio', cause: 'chosen' });
    expect(linkState('audio', 'audio')).toEqual({ mode: 'audio', cause: 'chosen' });
  });

  it('audio-only decided by the link guard is the automatic fall back', () => {
    expect(linkState('auto', 'audio')).toEqual({ mode: 'audio', cause: 'automatic' });
  });

  it('video is held by hand or follows the link', () => {
    expect(linkState('video', 'audio')).toEqual({ mode: 'video', cause: 'chosen' });
    expect(linkState('auto', 'video')).toEqual({ mode: 'video', cause: 'automatic' });
  });
});
