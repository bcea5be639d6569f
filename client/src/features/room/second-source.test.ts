import { describe, expect, it } from 'vitest';
import { expertPeerIds, pickSecondSource } from './second-source';

describe('second video source', () => {
  const cams = [{ deviceId: 'front' }, { deviceId: 'usb-ultrasound' }];

  it('prefers the chosen device, then another camera than the main one, then the main one', () => {
    expect(pickSecondSource(cams, 'front', 'front')).toBe('front');
    expect(pickSecondSource(cams, 'front', 'unplugged')).toBe('usb-ultrasound');
    expect(pickSecondSource(cams, 'front')).toBe('usb-ultrasound');
    expect(pickSecondSource(cams, null)).toBe('front');
    expect(pickSecondSource([{ deviceId: 'front' }], 'front')).toBe('front');
  });

  it('has nothing to publish without a (permitted) camera', () => {
    expect(pickSecondSource([], 'front')).toBeNull();
    expect(pickSecondSource([{ deviceId: '' }], null)).toBeNull();
  });

  it('takes marks from the experts present only', () => {
    expect(
      expertPeerIds([
        { peerId: 'a', participantRole: 'expert' },
        { peerId: 'b', participantRole: 'patient_kiosk' },
        { peerId: 'c', participantRole: 'expert' },
      ]),
    ).toEqual(['a', 'c']);
  });
});
