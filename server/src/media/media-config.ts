import type { types as ms } from 'mediasoup';

/**
 * Codecs of every consultation room. Opus with in-band FEC and DTX (island links lose packets;
 * silence costs nothing); VP8 for simulcast cameras; H264 constrained baseline for devices that only
 * encode H264 in hardware (AR glasses, some phones).
 */
export const ROUTER_CODECS: ms.RtpCodecCapability[] = [
  {
    kind: 'audio',
    mimeType: 'audio/opus',
    clockRate: 48000,
    channels: 2,
    parameters: { useinbandfec: 1, usedtx: 1 },
  },
  {
    kind: 'video',
    mimeType: 'video/VP8',
    clockRate: 90000,
    parameters: { 'x-google-start-bitrate': 600 },
  },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: {
      'packetization-mode': 1,
      'profile-level-id': '42e01f',
      'level-asymmetry-allowed': 1,
      'x-google-start-bitrate': 600,
    },
  },
];

export const TRANSPORT_DEFAULTS = {
  initialAvailableOutgoingBitrate: 800_000,
  /** Upper bound of what one peer may send (three simulcast layers + screen share). */
  maxIncomingBitrate: 3_500_000,
  maxSctpMessageSize: 262_144,
  numSctpStreams: { OS: 1024, MIS: 1024 },
} as const;
