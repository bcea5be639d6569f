import { z } from 'zod';
import { MediaSourceSchema, NodeNameSchema, PeerDevicesSchema, PeerInfoSchema, PeerLeftReasonSchema, RtpParametersSchema } from '@cloudclinic/shared';

/**
 * What two nodes say to each other about a room that spans them (see `RoomSpan`). Every message
 * read from Redis is parsed with these schemas; one that does not parse is logged and dropped.
 */
const Id = z.string().min(1).max(64);

export const SrtpParametersSchema = z.object({
  cryptoSuite: z.enum(['AEAD_AES_256_GCM', 'AEAD_AES_128_GCM', 'AES_CM_128_HMAC_SHA1_80', 'AES_CM_128_HMAC_SHA1_32']),
  keyBase64: z.string().min(16).max(128),
});

/** Where a node's PipeTransport listens, and the keys of what it sends. */
export const PipeEndpointSchema = z.object({
  ip: z.string().min(1).max(64),
  port: z.number().int().min(1).max(65535),
  srtpParameters: SrtpParametersSchema,
});
export type PipeEndpoint = z.infer<typeof PipeEndpointSchema>;

/** A peer as the other node's clients see it (its producers come as `producer.new`). */
export const RemotePeerSchema = PeerInfoSchema.omit({ producers: true });
export type RemotePeer = z.infer<typeof RemotePeerSchema>;

/** The satellite asks the room's home node to link their routers. */
export const LinkOpenSchema = z.object({ roomId: Id, linkId: z.string().uuid(), pipe: PipeEndpointSchema });
/** The home node's answer: its end of the pipe and the peers already in the room. */
export const LinkOpenedSchema = z.object({ pipe: PipeEndpointSchema, peers: z.array(RemotePeerSchema).max(256) });

/** What flows over an open link, one way, in order (both directions use the same catalogue). */
export const LinkEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('producer.new'),
    producerId: z.string().uuid(),
    peerId: Id,
    kind: z.enum(['audio', 'video']),
    source: MediaSourceSchema,
    rtpParameters: RtpParametersSchema,
    paused: z.boolean(),
  }),
  z.object({ type: z.literal('producer.closed'), producerId: z.string().uuid() }),
  z.object({ type: z.literal('producer.paused'), producerId: z.string().uuid(), paused: z.boolean() }),
  z.object({ type: z.literal('peer.joined'), peer: RemotePeerSchema }),
  z.object({ type: z.literal('peer.left'), peerId: Id, reason: PeerLeftReasonSchema }),
  z.object({ type: z.literal('peer.devices'), peerId: Id, devices: PeerDevicesSchema }),
  z.object({ type: z.literal('link.closed'), reason: z.enum(['empty', 'media_restart', 'consultation_ended', 'shutdown']) }),
]);
export type LinkEvent = z.infer<typeof LinkEventSchema>;

/** The envelope on a node's channel: a request, its response (same `id`), or a link's event. */
export const NodeMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('request'), id: z.string().uuid(), from: NodeNameSchema, op: z.literal('link.open'), body: z.unknown() }),
  z.object({ kind: z.literal('response'), id: z.string().uuid(), ok: z.boolean(), body: z.unknown() }),
  z.object({ kind: z.literal('event'), linkId: z.string().uuid(), from: NodeNameSchema, event: LinkEventSchema }),
]);
export type NodeMessage = z.infer<typeof NodeMessageSchema>;
