import type { Config } from '../config/config';
import type { Logger } from '../lib/logger';
import { parseTurnSettings, type TurnSettings } from './ice-servers';
import { MediaHealth } from './media-health';
import type { RoomPlacement } from './room-placement';
import type { RoomSpan } from './room-span';
import { RoomRegistry } from './room-registry';
import type { WorkerPool } from './worker-pool';

/** The SFU: the worker pool's rooms, the media path's health, the TURN relay handed to browsers. */
export interface Media {
  pool: WorkerPool;
  rooms: RoomRegistry;
  mediaHealth: MediaHealth;
  turn: TurnSettings | null;
}

export function createMedia(d: { config: Config; log: Logger; pool: WorkerPool; placement: RoomPlacement; span: RoomSpan | null }): Media {
  const { config, log, pool } = d;
  return {
    pool,
    rooms: new RoomRegistry(pool, log.child({ module: 'rooms' }), d.placement, d.span),
    mediaHealth: new MediaHealth(pool, log.child({ module: 'sfu' })),
    turn: parseTurnSettings(config.TURN_URLS, config.TURN_SECRET, config.TURN_TTL_SECONDS, config.TURN_RELAY_ONLY),
  };
}
