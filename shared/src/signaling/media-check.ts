import { z } from 'zod';
import { DtlsParametersSchema, IceServerSchema, RtpCapabilitiesSchema, RtpParametersSchema } from './media-types';

const MediaId = z.string().uuid();
const TransportParamsSchema = z.object({
  id: z.string(),
  iceParameters: z.record(z.string(), z.unknown()),
  iceCandidates: z.array(z.record(z.string(), z.unknown())),
  dtlsParameters: z.record(z.string(), z.unknown()),
});

/**
 * The kiosk's media loopback through the SFU (device check): the browser sends a short stream up
 * and receives it back through the same server, ports and relay a consultation would use.
 */
export const mediaCheckRequests = {
  /** Opens a private router with a send and a receive transport, in one round trip. */
  'mediaCheck.open': {
    req: z.object({}).optional(),
    res: z.object({
      routerRtpCapabilities: z.record(z.string(), z.unknown()),
      iceServers: z.array(IceServerSchema),
      iceTransportPolicy: z.enum(['all', 'relay']),
      send: TransportParamsSchema,
      recv: TransportParamsSchema,
    }),
  },
  'mediaCheck.connect': { req: z.object({ transportId: MediaId, dtlsParameters: DtlsParametersSchema }), res: z.object({}) },
  'mediaCheck.produce': {
    req: z.object({ kind: z.enum(['audio', 'video']), rtpParameters: RtpParametersSchema }),
    res: z.object({ id: z.string() }),
  },
  /** Receives the browser's own producer back (started, not paused). */
  'mediaCheck.consume': {
    req: z.object({ producerId: MediaId, rtpCapabilities: RtpCapabilitiesSchema }),
    res: z.object({ id: z.string(), producerId: z.string(), kind: z.enum(['audio', 'video']), rtpParameters: z.record(z.string(), z.unknown()) }),
  },
  'mediaCheck.close': { req: z.object({}).optional(), res: z.object({}) },
} as const;

export type MediaCheckRequests = typeof mediaCheckRequests;
export type MediaCheckMethod = keyof MediaCheckRequests;
export type MediaCheckResponse<M extends MediaCheckMethod> = z.infer<MediaCheckRequests[M]['res']>;
