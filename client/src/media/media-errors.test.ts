import { describe, expect, it } from 'vitest';
import { isScreenPickerCancel, toMediaFailure } from './media-errors';

const dom = (name: string) => new DOMException('browser says no', name);

describe('toMediaFailure', () => {
  it.each([
    ['NotAllowedError', 'PermissionDenied', 'room.mediaErrors.permissionDenied'],
    ['SecurityError', 'PermissionDenied', 'room.mediaErrors.permissionDenied'],
    ['NotFoundError', 'NotFound', 'room.mediaErrors.notFound'],
    ['OverconstrainedError', 'NotFound', 'room.mediaErrors.notFound'],
    ['NotReadableError', 'DeviceInUse', 'room.mediaErrors.deviceInUse'],
    ['AbortError', 'DeviceInUse', 'room.mediaErrors.deviceInUse'],
    ['TypeError', 'Other', 'room.mediaErrors.other'],
  ])('%s → %s with its hint', (name, kind, hintKey) => {
    expect(toMediaFailure(dom(name), 'camera')).toMatchObject({ kind, hintKey, source: 'camera' });
  });

  it('classifies plain Errors by name and anything else as Other', () => {
    const err = Object.assign(new Error('busy'), { name: 'NotReadableError' });
    expect(toMediaFailure(err, 'microphone').kind).toBe('DeviceInUse');
    expect(toMediaFailure('weird', 'microphone')).toMatchObject({ kind: 'Other', detail: 'weird' });
  });

  it('treats a cancelled screen picker as no error, but not a denied camera', () => {
    expect(isScreenPickerCancel(dom('NotAllowedError'), 'screen')).toBe(true);
    expect(isScreenPickerCancel(dom('NotAllowedError'), 'camera')).toBe(false);
  });
});
