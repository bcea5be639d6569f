import { z } from 'zod';
import { IdSchema } from '../api/common';
import { ParticipantRoleSchema, RoleSchema } from '../domain';
import {
  DtlsParametersSchema,
  IceServerSchema,
  MediaSourceSchema,
  RtpCapabilitiesSchema,
  RtpParametersSchema,
  SctpCapabilitiesSchema,
  SctpStreamParametersSchema,
} from './media-types';

const MediaId = z.string().uuid();

/** A server node's name among several (its NODE_ID, the load balancer's server name). */
export const NodeNameSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'a node name: letters, digits, _ . - (at most 64)');

export const ProducerInfoSchema = z.object({
  id: z.string(),
  kind: z.enum(['audio', 'video']),
  source: MediaSourceSchema,
  paused: z.boolean(),
});
export type ProducerInfo = z.infer<typeof ProducerInfoSchema>;

/**
 * What a participant's own camera or microphone is doing, as their browser sees it: sending, turned
 * off, blocked by a refused permission, absent, held by another program, or failed otherwise.
 */
export const DeviceStatusSchema = z.enum(['on', 'off', 'denied', 'missing', 'busy', 'failed']);
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;
/**
 * Why a participant sends and receives no video on purpose: they chose audio-only, or their link
 * got too poor and the call fell back to audio by itself. Neither is a broken camera.
 */
export const AudioOnlyCauseSchema = z.enum(['chosen', 'poor_link']);
export type AudioOnlyCause = z.infer<typeof AudioOnlyCauseSchema>;
export const PeerDevicesSchema = z.object({
  camera: DeviceStatusSchema,
  microphone: DeviceStatusSchema,
  /** Absent: not in audio-only mode. */
  audioOnly: AudioOnlyCauseSchema.optional(),
});
export type PeerDevices = z.infer<typeof PeerDevicesSchema>;

export const PeerInfoSchema = z.object({
  peerId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  userRole: RoleSchema,
  participantRole: ParticipantRoleSchema,
  institutionName: z.string(),
  /** Absent until the participant's browser has reported its devices. */
  devices: PeerDevicesSchema.optional(),
  producers: z.array(ProducerInfoSchema),
});
export type PeerInfo = z.infer<typeof PeerInfoSchema>;

/** A WebRTC transport on the SFU as the browser needs it (mediasoup's parameters, checked by mediasoup-client). */
export const TransportParamsSchema = z.object({
  id: z.string(),
  iceParameters: z.record(z.string(), z.unknown()),
  iceCandidates: z.array(z.record(z.string(), z.unknown())),
  dtlsParameters: z.record(z.string(), z.unknown()),
  sctpParameters: z.record(z.string(), z.unknown()).optional(),
});
export type TransportParams = z.infer<typeof TransportParamsSchema>;

/** Request catalogue: method → request schema and response schema. */
export const roomRequests = {
  'room.join': {
    /**
     * The room of a consultation, or the room of an MDT sitting (one room for the whole slot while
     * its cases change): exactly one of the two.
     */
    req: z
      .object({
        consultationId: IdSchema.optional(),
        mdtMeetingId: IdSchema.optional(),
        /** Also create this peer's send and receive transports, answered with the join (one round trip fewer). */
        transports: z.object({ sctpCapabilities: SctpCapabilitiesSchema.optional() }).optional(),
      })
      .refine((r) => (r.consultationId === undefined) !== (r.mdtMeetingId === undefined), { message: 'Name either consultationId or mdtMeetingId', path: ['consultationId'] }),
    res: z.object({
      peerId: z.string(),
      routerRtpCapabilities: z.record(z.string(), z.unknown()),
      iceServers: z.array(IceServerSchema),
      /** `relay`: send media only through the TURN servers (UDP to the SFU blocked). */
      iceTransportPolicy: z.enum(['all', 'relay']).default('all'),
      peers: z.array(PeerInfoSchema),
      /** When asked for: the peer's transports, as `transport.create` answers each. */
      transports: z.object({ send: TransportParamsSchema, recv: TransportParamsSchema }).optional(),
    }),
  },
  'room.ready': {
    req: z.object({ rtpCapabilities: RtpCapabilitiesSchema, sctpCapabilities: SctpCapabilitiesSchema.optional() }),
    res: z.object({}),
  },
  'room.leave': { req: z.object({}).optional(), res: z.object({}) },
  /** The sender's camera and microphone state, shown on the others' tiles (denied ≠ no device ≠ off). */
  'peer.devices': { req: PeerDevicesSchema, res: z.object({}) },
  'transport.create': {
    req: z.object({ direction: z.enum(['send', 'recv']), sctpCapabilities: SctpCapabilitiesSchema.optional(), forceTcp: z.boolean().optional() }),
    res: TransportParamsSchema,
  },
  'transport.connect': { req: z.object({ transportId: MediaId, dtlsParameters: DtlsParametersSchema }), res: z.object({}) },
  'transport.restartIce': { req: z.object({ transportId: MediaId }), res: z.object({ iceParameters: z.record(z.string(), z.unknown()) }) },
  'producer.create': {
    req: z.object({
      transportId: MediaId,
      kind: z.enum(['audio', 'video']),
      rtpParameters: RtpParametersSchema,
      source: MediaSourceSchema,
      paused: z.boolean().optional(),
    }),
    res: z.object({ id: z.string() }),
  },
  'producer.pause': { req: z.object({ producerId: MediaId }), res: z.object({}) },
  'producer.resume': { req: z.object({ producerId: MediaId }), res: z.object({}) },
  'producer.close': { req: z.object({ producerId: MediaId }), res: z.object({}) },
  'consumer.resume': { req: z.object({ consumerId: MediaId }), res: z.object({}) },
  'consumer.pause': { req: z.object({ consumerId: MediaId }), res: z.object({}) },
  'consumer.setPreferredLayers': {
    req: z.object({ consumerId: MediaId, spatialLayer: z.number().int().min(0).max(2), temporalLayer: z.number().int().min(0).max(2).optional() }),
    res: z.object({}),
  },
  'dataProducer.create': {
    req: z.object({
      transportId: MediaId,
      sctpStreamParameters: SctpStreamParametersSchema,
      label: z.string().max(64),
      protocol: z.string().max(64).optional(),
    }),
    res: z.object({ id: z.string() }),
  },
} as const;

export type RoomRequests = typeof roomRequests;
export type RoomMethod = keyof RoomRequests;
export type RoomRequest<M extends RoomMethod> = z.input<RoomRequests[M]['req']>;
export type RoomResponse<M extends RoomMethod> = z.infer<RoomRequests[M]['res']>;

export const PeerLeftReasonSchema = z.enum(['left', 'dropped']);
export type PeerLeftReason = z.infer<typeof PeerLeftReasonSchema>;

/** Notification catalogue: server → client. */
export const roomNotifications = {
  'peer.joined': PeerInfoSchema.omit({ producers: true }),
  /** `left`: by choice; `dropped`: the connection went (a reconnect may follow as a new peer of the same user). */
  'peer.left': z.object({ peerId: z.string(), reason: PeerLeftReasonSchema.default('dropped') }),
  'peer.devices': PeerDevicesSchema.extend({ peerId: z.string() }),
  'consumer.new': z.object({
    id: z.string(),
    producerId: z.string(),
    peerId: z.string(),
    kind: z.enum(['audio', 'video']),
    source: MediaSourceSchema,
    rtpParameters: z.record(z.string(), z.unknown()),
    type: z.string(),
    producerPaused: z.boolean(),
  }),
  'consumer.closed': z.object({ consumerId: z.string() }),
  'consumer.paused': z.object({ consumerId: z.string() }),
  'consumer.resumed': z.object({ consumerId: z.string() }),
  'consumer.layers': z.object({ consumerId: z.string(), spatialLayer: z.number().nullable(), temporalLayer: z.number().nullable() }),
  'dataConsumer.new': z.object({
    id: z.string(),
    dataProducerId: z.string(),
    peerId: z.string(),
    sctpStreamParameters: z.record(z.string(), z.unknown()),
    label: z.string(),
    protocol: z.string(),
  }),
  'dataConsumer.closed': z.object({ dataConsumerId: z.string() }),
  'room.activeSpeaker': z.object({ peerId: z.string().nullable() }),
  /** The room's media went away (e.g. its SFU worker died); rejoin to continue. */
  'room.closed': z.object({ reason: z.enum(['media_restart', 'consultation_ended', 'replaced', 'ready_timeout']), rejoin: z.boolean() }),
  /**
   * Several nodes: this node is stopping (drained); reconnect through the balancer to `node`, where
   * the room is placed again (null: no other node is known; reconnect and let the balancer choose).
   */
  'room.move': z.object({ node: NodeNameSchema.nullable() }),
} as const;

export type RoomNotifications = typeof roomNotifications;
export type RoomNotificationMethod = keyof RoomNotifications;
export type RoomNotification<M extends RoomNotificationMethod> = z.infer<RoomNotifications[M]>;
