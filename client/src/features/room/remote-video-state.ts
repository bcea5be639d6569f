import type { Participant } from '../../state/room-store';
import { deviceProblem } from './device-problem';

/**
 * Why a remote participant's video is not shown, as the tile says it:
 *  - `localAudioOnly`: this side chose audio-only, so no video is received from anyone;
 *  - `audioOnlyChosen` / `audioOnlyPoorLink`: they send audio only, by choice or because their link
 *    fell back to it (only this one is "poor network");
 *  - `denied`, `missing`, `busy`, `failed`: their camera cannot send (see `deviceProblem`);
 *  - `connecting`: nothing reported or received from them yet;
 *  - `cameraOff`: they turned the camera off.
 */
export type RemoteVideoNote = 'localAudioOnly' | 'audioOnlyChosen' | 'audioOnlyPoorLink' | 'denied' | 'missing' | 'busy' | 'failed' | 'connecting' | 'cameraOff';

export function remoteVideoNote(p: Participant, localAudioOnly: boolean): RemoteVideoNote {
  if (localAudioOnly) return 'localAudioOnly';
  if (p.devices?.audioOnly === 'chosen') return 'audioOnlyChosen';
  if (p.devices?.audioOnly === 'poor_link') return 'audioOnlyPoorLink';
  const problem = deviceProblem(p.devices?.camera);
  if (problem) return problem;
  if (!p.devices && Object.keys(p.tracks).length === 0) return 'connecting';
  return 'cameraOff';
}

/** The i18n key of a note on a tile (`room.tile.…`). */
export function remoteVideoNoteKey(note: RemoteVideoNote) {
  switch (note) {
    case 'localAudioOnly':
      return 'room.tile.audioOnly';
    case 'audioOnlyChosen':
      return 'room.tile.peerAudioOnly.chosen';
    case 'audioOnlyPoorLink':
      return 'room.tile.peerAudioOnly.poorLink';
    case 'connecting':
      return 'room.tile.flow.connecting';
    case 'cameraOff':
      return 'room.tile.cameraOff';
    default:
      return `room.tile.camera.${note}` as const;
  }
}
