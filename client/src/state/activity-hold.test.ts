import { describe, expect, it } from 'vitest';
import { activityHeld, holdActivity } from './activity-hold';

describe('activity holds', () => {
  it('is held while any holder has not released, and a double release counts once', () => {
    expect(activityHeld()).toBe(false);
    const a = holdActivity();
    const b = holdActivity();
    a();
    a();
    expect(activityHeld()).toBe(true);
    b();
    expect(activityHeld()).toBe(false);
  });
});
