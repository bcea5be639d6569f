import { z } from 'zod';

/**
 * mediasoup's parameter objects travel between mediasoup-client and the server. Their inner
 * structure is validated by mediasoup itself (it throws TypeError on bad input, which becomes
 * `bad_request`); here we check the envelope shape and bound the size.
 */
const MediaObject = z.record(z.string(), z.unknown());

export const RtpCapabilitiesSchema = z.object({ codecs: z.array(MediaObject).max(64).optional(), headerExtensions: z.array(MediaObject).max(64).optional() });
export const RtpParametersSchema = z.object({
  mid: z.string().max(32).optional(),
  codecs: z.array(MediaObject).max(32),
  headerExtensions: z.array(MediaObject).max(32).optional(),
  encodings: z.array(MediaObject).max(8).optional(),
  rtcp: MediaObject.optional(),
});
export const DtlsParametersSchema = z.object({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z.array(z.object({ algorithm: z.string().max(16), value: z.string().max(256) })).min(1).max(8),
});
export const SctpCapabilitiesSchema = z.object({ numStreams: z.object({ OS: z.number().int().min(1).max(65535), MIS: z.number().int().min(1).max(65535) }) });
export const SctpStreamParametersSchema = z.object({
  streamId: z.number().int().min(0).max(65534),
  ordered: z.boolean().optional(),
  maxPacketLifeTime: z.number().int().min(0).max(60_000).optional(),
  maxRetransmits: z.number().int().min(0).max(100).optional(),
});

export const MEDIA_SOURCES = ['microphone', 'camera', 'screen', 'camera2', 'screen_audio'] as const;
export const MediaSourceSchema = z.enum(MEDIA_SOURCES);
export type MediaSource = z.infer<typeof MediaSourceSchema>;

export const IceServerSchema = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServerSchema>;
