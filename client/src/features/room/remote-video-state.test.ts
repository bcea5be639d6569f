import { describe, expect, it } from 'vitest';
import type { Participant } from '../../state/room-store';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { remoteVideoNote, remoteVideoNoteKey, type RemoteVideoNote } from './remote-video-state';

const field: Participant = {
  peerId: 'p',
  userId: 'u',
  displayName: '徐海',
  userRole: 'field_doctor',
  participantRole: 'field_doctor',
  institutionName: '嵊泗县人民医院',
  tracks: {},
  audioMuted: false,
  cameraOff: true,
  speaking: false,
  dropped: false,
};

function text(messages: object, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
  if (typeof value !== 'string') throw new Error(`no message ${key}`);
  return value;
}

describe('why a remote participant shows no video', () => {
  it('audio-only chosen by them is its own state: not poor network, not camera off', () => {
    const note = remoteVideoNote({ ...field, devices: { camera: 'off', microphone: 'on', audioOnly: 'chosen' } }, false);
    expect(note).toBe('audioOnlyChosen');
    expect(text(zhCN, remoteVideoNoteKey(note))).toContain('仅语音');
    expect(text(zhCN, remoteVideoNoteKey(note))).not.toContain('网络较差');
    expect(text(en, remoteVideoNoteKey(note))).toMatch(/^Audio only/);
  });

  it('only the fall back on a poor link says poor network', () => {
    const note = remoteVideoNote({ ...field, devices: { camera: 'off', microphone: 'on', audioOnly: 'poor_link' } }, false);
    expect(note).toBe('audioOnlyPoorLink');
    expect(text(zhCN, remoteVideoNoteKey(note))).toContain('网络较差');
  });

  it('tells camera off, refused, absent and connecting apart, each with its own words', () => {
    const cases: [Participant, RemoteVideoNote][] = [
      [{ ...field, devices: { camera: 'off', microphone: 'on' } }, 'cameraOff'],
      [{ ...field, devices: { camera: 'denied', microphone: 'on' } }, 'denied'],
      [{ ...field, devices: { camera: 'missing', microphone: 'on' } }, 'missing'],
      [field, 'connecting'],
    ];
    const seen = new Set<string>();
    for (const [p, expected] of cases) {
      const note = remoteVideoNote(p, false);
      expect(note).toBe(expected);
      seen.add(text(zhCN, remoteVideoNoteKey(note)));
    }
    seen.add(text(zhCN, remoteVideoNoteKey('audioOnlyChosen')));
    seen.add(text(zhCN, remoteVideoNoteKey('audioOnlyPoorLink')));
    expect(seen.size).toBe(cases.length + 2);
  });

  it('this side in audio-only says so first: no video is received from anyone', () => {
    expect(remoteVideoNote({ ...field, devices: { camera: 'on', microphone: 'on' } }, true)).toBe('localAudioOnly');
  });
});
