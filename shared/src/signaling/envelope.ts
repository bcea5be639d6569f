import { z } from 'zod';
import { ApiErrorSchema } from '../errors';

/**
 * Wire format over socket.io. Client → server: `socket.emit('request', { method, data }, ack)`;
 * the server always acks `{ ok: true, data } | { ok: false, error }`.
 * Server → client: `socket.emit('notification', { method, data })`.
 */
export const REQUEST_EVENT = 'request';
export const NOTIFICATION_EVENT = 'notification';

export const RequestEnvelopeSchema = z.object({
  method: z.string().min(1).max(64),
  data: z.unknown().optional(),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelopeSchema>;

export const AckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorSchema }),
]);
export type Ack<T = unknown> = { ok: true; data: T } | { ok: false; error: z.infer<typeof ApiErrorSchema> };

export const NotificationEnvelopeSchema = z.object({
  method: z.string(),
  data: z.unknown(),
});
