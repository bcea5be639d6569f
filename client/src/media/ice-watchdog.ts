import type { types } from 'mediasoup-client';

export interface IceWatchdogOptions {
  /** Asks the server for new ICE parameters and applies them; rejects when that is impossible. */
  restart(): Promise<void>;
  /** The transport's media path is interrupted (true) or flowing again (false). */
  onTrouble(trouble: boolean): void;
  /** ICE restarts did not help: the caller rejoins the room from scratch. */
  onGiveUp(): void;
  /** How long `disconnected` may last before restarting ICE (it often recovers by itself). */
  disconnectedGraceMs?: number;
  /** How long a restarted transport may take to connect again. */
  restartTimeoutMs?: number;
}

/**
 * Watches one transport: `disconnected` → restart ICE after a grace period, `failed` → restart
 * at once; a restart that fails or does not reconnect in time → give up (full rejoin).
 * Returns the function that stops watching.
 */
export function watchIce(transport: types.Transport, opts: IceWatchdogOptions): () => void {
  const grace = opts.disconnectedGraceMs ?? 2000;
  const restartTimeout = opts.restartTimeoutMs ?? 8000;
  let graceTimer: ReturnType<typeof setTimeout> | null = null;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;
  let restarting = false;
  let stopped = false;

  const clear = () => {
    if (graceTimer) clearTimeout(graceTimer);
    if (restartTimer) clearTimeout(restartTimer);
    graceTimer = restartTimer = null;
  };

  const giveUp = () => {
    if (stopped) return;
    stop();
    opts.onGiveUp();
  };

  const restart = async () => {
    if (restarting || stopped) return;
    restarting = true;
    clear();
    try {
      await opts.restart();
      restartTimer = setTimeout(giveUp, restartTimeout);
    } catch {
      giveUp();
    } finally {
      restarting = false;
    }
  };

  const onState = (state: types.ConnectionState) => {
    if (stopped) return;
    if (state === 'connected') {
      clear();
      opts.onTrouble(false);
    } else if (state === 'disconnected') {
      opts.onTrouble(true);
      if (!graceTimer && !restartTimer) graceTimer = setTimeout(() => void restart(), grace);
    } else if (state === 'failed') {
      opts.onTrouble(true);
      if (restartTimer) giveUp(); // already restarted once and it failed again
      else void restart();
    }
  };

  transport.on('connectionstatechange', onState);
  function stop() {
    stopped = true;
    clear();
    transport.off('connectionstatechange', onState);
  }
  return stop;
}
