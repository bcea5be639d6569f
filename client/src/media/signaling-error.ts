import { NodeNameSchema, type ErrorCode } from '@cloudclinic/shared';

/**
 * Codes a signaling request can fail with: the server's error codes from its ack, plus
 *  - `disconnected`: the socket was not connected (the request was not sent);
 *  - `timeout`: no ack in time (the socket may have dropped meanwhile);
 *  - `bad_response`: an ack that does not match the catalogue.
 */
export type SignalingErrorCode = ErrorCode | 'disconnected' | 'timeout' | 'bad_response';

export class SignalingError extends Error {
  override readonly name = 'SignalingError';

  constructor(
    readonly code: SignalingErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function signalingErrorCode(err: unknown): SignalingErrorCode | null {
  return err instanceof SignalingError ? err.code : null;
}

/** The node named by a `wrong_node` refusal (several nodes: the room is live there), if any. */
export function wrongNodeOf(err: unknown): string | null {
  if (!(err instanceof SignalingError) || err.code !== 'wrong_node') return null;
  const node = (err.details as { node?: unknown } | undefined)?.node;
  return NodeNameSchema.safeParse(node).data ?? null;
}
