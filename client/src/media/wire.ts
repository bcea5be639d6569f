import type { RoomNotification, RoomResponse } from '@cloudclinic/shared';
import type { types } from 'mediasoup-client';
import { z } from 'zod';

/**
 * mediasoup parameter objects as they arrive from the server. The shared catalogue only checks
 * them as records; here they are validated field by field before mediasoup-client sees them
 * (which validates RTP capabilities once more in `device.load`). Loose objects: fields added by
 * newer mediasoup versions pass through.
 */
const Kind = z.enum(['audio', 'video']);
const Params = z.record(z.string(), z.unknown());
const RtcpFeedback = z.looseObject({ type: z.string(), parameter: z.string().optional() });
// mediasoup-client types header-extension URIs as a closed union; any string URI is accepted (unknown ones are ignored).
const HeaderExtensionUri = z.custom<types.RtpHeaderExtensionUri>((v) => typeof v === 'string' && v.length <= 256);

const RtpCapabilitiesSchema = z.looseObject({
  codecs: z.array(
    z.looseObject({
      kind: Kind,
      mimeType: z.string(),
      preferredPayloadType: z.number().int(),
      clockRate: z.number().int(),
      channels: z.number().int().optional(),
      parameters: Params.optional(),
      rtcpFeedback: z.array(RtcpFeedback).optional(),
    }),
  ),
  headerExtensions: z.array(
    z.looseObject({
      kind: Kind,
      uri: HeaderExtensionUri,
      preferredId: z.number().int(),
      preferredEncrypt: z.boolean().optional(),
      direction: z.enum(['sendrecv', 'sendonly', 'recvonly', 'inactive']).optional(),
    }),
  ),
});

const RtpParametersSchema = z.looseObject({
  mid: z.string().optional(),
  codecs: z.array(
    z.looseObject({
      mimeType: z.string(),
      payloadType: z.number().int(),
      clockRate: z.number().int(),
      channels: z.number().int().optional(),
      parameters: Params.optional(),
      rtcpFeedback: z.array(RtcpFeedback).optional(),
    }),
  ),
  headerExtensions: z.array(z.looseObject({ uri: HeaderExtensionUri, id: z.number().int(), encrypt: z.boolean().optional(), parameters: Params.optional() })).optional(),
  encodings: z
    .array(
      z.looseObject({
        ssrc: z.number().int().optional(),
        rid: z.string().optional(),
        rtx: z.object({ ssrc: z.number().int() }).optional(),
        dtx: z.boolean().optional(),
        scalabilityMode: z.string().optional(),
        maxBitrate: z.number().optional(),
      }),
    )
    .optional(),
  rtcp: z.looseObject({ cname: z.string().optional(), reducedSize: z.boolean().optional(), mux: z.boolean().optional() }).optional(),
});

const IceParametersSchema = z.looseObject({ usernameFragment: z.string(), password: z.string(), iceLite: z.boolean().optional() });

const TransportOptionsSchema = z.object({
  id: z.string(),
  iceParameters: IceParametersSchema,
  iceCandidates: z.array(
    z.looseObject({
      foundation: z.string(),
      priority: z.number(),
      // mediasoup 3.13 sends `ip`; later versions `address` (and `ip` as a deprecated alias).
      address: z.string().optional(),
      ip: z.string().optional(),
      protocol: z.enum(['udp', 'tcp']),
      port: z.number().int(),
      type: z.enum(['host', 'srflx', 'prflx', 'relay']),
      tcpType: z.enum(['active', 'passive', 'so']).optional(),
    }),
  ),
  dtlsParameters: z.looseObject({
    role: z.enum(['auto', 'client', 'server']).optional(),
    fingerprints: z.array(z.object({ algorithm: z.enum(['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512']), value: z.string() })),
  }),
  sctpParameters: z
    .looseObject({
      port: z.number().int(),
      OS: z.number().int().optional(),
      MIS: z.number().int().optional(),
      maxMessageSize: z.number().int().optional(),
    })
    .optional(),
});

const SctpStreamParametersSchema = z.looseObject({
  streamId: z.number().int().optional(),
  ordered: z.boolean().optional(),
  maxPacketLifeTime: z.number().optional(),
  maxRetransmits: z.number().optional(),
});

/** Router capabilities from `room.join`, ready for `device.load`. Throws ZodError when malformed. */
export function routerCapabilities(data: RoomResponse<'room.join'>['routerRtpCapabilities']): types.RtpCapabilities {
  return RtpCapabilitiesSchema.parse(data);
}

/** `transport.create` response → mediasoup-client transport options (ICE servers added by the caller). */
export function transportOptions(data: RoomResponse<'transport.create'>): types.TransportOptions {
  const t = TransportOptionsSchema.parse(data);
  return {
    id: t.id,
    iceParameters: t.iceParameters,
    iceCandidates: t.iceCandidates.flatMap((c) => {
      const address = c.address ?? c.ip;
      return address ? [{ ...c, address, ip: address }] : [];
    }),
    dtlsParameters: t.dtlsParameters,
    ...(t.sctpParameters
      ? { sctpParameters: { ...t.sctpParameters, maxSendMessageSize: t.sctpParameters.maxMessageSize ?? 262_144, maxReceiveMessageSize: t.sctpParameters.maxMessageSize ?? 262_144 } }
      : {}),
  };
}

export function iceParameters(data: RoomResponse<'transport.restartIce'>): types.IceParameters {
  return IceParametersSchema.parse(data.iceParameters);
}

export function consumerRtpParameters(data: Pick<RoomNotification<'consumer.new'>, 'rtpParameters'>): types.RtpParameters {
  return RtpParametersSchema.parse(data.rtpParameters);
}

export function sctpStreamParameters(data: RoomNotification<'dataConsumer.new'>): types.SctpStreamParameters {
  return SctpStreamParametersSchema.parse(data.sctpStreamParameters);
}

/** What this browser tells the server about its SCTP support (mediasoup-client ≥ 3.19 no longer reports it). */
export const SCTP_CAPABILITIES = { numStreams: { OS: 1024, MIS: 1024 } } as const;
