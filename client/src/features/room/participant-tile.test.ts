import { describe, expect, it } from 'vitest';
import type { Participant } from '../../state/room-store';
import { deviceProblem } from './device-problem';
import { tileFlow } from './ParticipantTile';

const base: Participant = {
  peerId: 'p',
  userId: 'u',
  displayName: '王海东',
  userRole: 'county_doctor',
  participantRole: 'local_doctor',
  institutionName: '嵊泗县人民医院',
  tracks: {},
  audioMuted: true,
  cameraOff: true,
  speaking: false,
  dropped: false,
};

describe('participant tile states', () => {
  it('a participant with nothing received is connecting, then "nothing received"', () => {
    expect(tileFlow(base, undefined, false)).toBe('connecting');
    expect(tileFlow(base, undefined, true)).toBe('noMedia');
  });

  it('a participant whose browser says it sends nothing is not "connecting": the device state explains it', () => {
    const refused: Participant = { ...base, devices: { camera: 'denied', microphone: 'missing' } };
    expect(tileFlow(refused, undefined, true)).toBeNull();
    expect(deviceProblem(refused.devices?.camera)).toBe('denied');
    expect(deviceProblem(refused.devices?.microphone)).toBe('missing');
    // Still expecting media from a device reported on: keep saying so.
    expect(tileFlow({ ...base, devices: { camera: 'on', microphone: 'denied' } }, undefined, true)).toBe('noMedia');
  });

  it('camera turned off is not a problem to explain; unknown is not either', () => {
    expect(deviceProblem('off')).toBeNull();
    expect(deviceProblem('on')).toBeNull();
    expect(deviceProblem(undefined)).toBeNull();
    expect(deviceProblem('busy')).toBe('busy');
  });
});
