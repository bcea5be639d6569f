import { REQUEST_EVENT, SESSION_RENEW_INTERVAL_MS } from '@cloudclinic/shared';

interface RenewableSocket {
  readonly connected: boolean;
  timeout(ms: number): { emit(event: string, payload: unknown, ack: (err: Error | null, raw: unknown) => void): unknown };
}

interface Tokens {
  getAccessToken(): string | null;
  refresh(): Promise<boolean>;
}

/**
 * Hands the server a fresh access token over an open socket every few minutes, so that the server,
 * which closes sockets whose token expired, never has to tear down a live consultation. A failed
 * renewal is not an error here: the server then closes the socket and the reconnect re-authenticates.
 * Returns the function that stops it.
 */
export function keepSessionFresh(socket: RenewableSocket, tokens: Tokens, intervalMs = SESSION_RENEW_INTERVAL_MS): () => void {
  const renew = async () => {
    if (!socket.connected || !(await tokens.refresh())) return;
    const token = tokens.getAccessToken();
    if (token && socket.connected) socket.timeout(10_000).emit(REQUEST_EVENT, { method: 'session.renew', data: { token } }, () => undefined);
  };
  const timer = setInterval(() => void renew().catch(() => undefined), intervalMs);
  return () => clearInterval(timer);
}
