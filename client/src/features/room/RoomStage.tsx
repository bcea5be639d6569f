import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoomContext } from '../../hooks/room/RoomContext';
import { ExtraVideoTile } from './ExtraVideoTile';
import { LocalCamera2Tile } from './LocalCamera2Tile';
import { LocalTile } from './LocalTile';
import { ParticipantTile } from './ParticipantTile';
import type { Participant } from '../../state/room-store';

/** A page's own tile for one participant (e.g. the field doctor's video to draw on); null: the standard tile. */
export type TileOverride = (participant: Participant) => ReactNode | null;

/**
 * The video area: every remote participant's tile in a grid, and this user's own camera as a small
 * overlay. Screen shares and second cameras take the spotlight when present; the camera tiles
 * (own one included) then line up beside it.
 */
export function RoomStage({ tileFor }: { tileFor?: TileOverride } = {}) {
  const { t } = useTranslation();
  const { participants, local } = useRoomContext().state;
  const extras = local.audioOnly
    ? []
    : participants.flatMap((p) => [
        ...(p.tracks.screen ? [{ p, track: p.tracks.screen, kind: 'screen' as const }] : []),
        ...(p.tracks.camera2 ? [{ p, track: p.tracks.camera2, kind: 'camera2' as const }] : []),
      ]);
  const ownCamera2 = local.camera2.track;
  const spotlight = extras.length > 0 || ownCamera2 !== null;
  const layout = spotlight ? 'spotlight' : `grid-${Math.min(participants.length, 4)}`;
  return (
    <div className={`room-stage room-stage--${layout}`} data-testid="room-stage">
      {spotlight ? (
        <div className="room-stage__spotlight">
          {extras.map(({ p, track, kind }) => (
            <ExtraVideoTile key={track.consumerId} participant={p} track={track} kind={kind} />
          ))}
          {ownCamera2 ? <LocalCamera2Tile track={ownCamera2} /> : null}
        </div>
      ) : null}
      <div className="room-stage__grid">
        {participants.map((p) => tileFor?.(p) ?? <ParticipantTile key={p.peerId} participant={p} audioOnly={local.audioOnly} />)}
        {participants.length === 0 ? (
          <p className="room-stage__waiting" data-testid="room-waiting">
            {t('room.waiting')}
          </p>
        ) : null}
        {spotlight ? <LocalTile /> : null}
      </div>
      {spotlight ? null : (
        <div className="room-stage__self">
          <LocalTile />
        </div>
      )}
    </div>
  );
}
