import type { MediaSource } from '@cloudclinic/shared';
import type { types } from 'mediasoup-client';

/**
 * Camera simulcast: three VP8 layers (¼, ½ and full resolution). The SFU forwards to each viewer
 * the layer its tile needs (`consumer.setPreferredLayers`) and what its link can carry.
 */
export const CAMERA_ENCODINGS: types.RtpEncodingParameters[] = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 100_000, scalabilityMode: 'L1T3' },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 300_000, scalabilityMode: 'L1T3' },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 900_000, scalabilityMode: 'L1T3' },
];

/** Screen share: one sharp layer at a low frame rate (documents, ECGs, imaging). */
export const SCREEN_ENCODINGS: types.RtpEncodingParameters[] = [{ maxBitrate: 1_500_000, maxFramerate: 15 }];

export const CAMERA_CODEC_OPTIONS: types.ProducerCodecOptions = { videoGoogleStartBitrate: 600 };

/** Opus with in-band FEC and DTX: island links lose packets, and silence should cost nothing. */
export const MIC_CODEC_OPTIONS: types.ProducerCodecOptions = { opusStereo: false, opusFec: true, opusDtx: true };

/**
 * Field profile (ship / ambulance, 5G down to satellite): one 360p layer at 15 fps and at most
 * 350 kbps — simulcast would spend the scarce uplink on copies. Temporal layers (L1T3) still let the
 * SFU thin the frame rate for a weak receiver.
 */
export const FIELD_CAMERA_ENCODINGS: types.RtpEncodingParameters[] = [{ maxBitrate: 350_000, maxFramerate: 15, scalabilityMode: 'L1T3' }];
export const FIELD_CAMERA_CODEC_OPTIONS: types.ProducerCodecOptions = { videoGoogleStartBitrate: 250 };
/** Opus for lossy links: in-band FEC, DTX, and a voice bitrate that leaves room for FEC. */
export const FIELD_MIC_CODEC_OPTIONS: types.ProducerCodecOptions = { ...MIC_CODEC_OPTIONS, opusMaxAverageBitrate: 24_000, opusPtime: 20 };

export interface ProduceSettings {
  encodings?: types.RtpEncodingParameters[];
  codecOptions?: types.ProducerCodecOptions;
  codec?: types.RtpCodecCapability;
}

/** How each source is sent; `codecs` are the device's send capabilities (VP8 is preferred for video). */
export function produceSettings(source: MediaSource, codecs: readonly types.RtpCodecCapability[], profile: 'standard' | 'field' = 'standard'): ProduceSettings {
  if (source === 'microphone' || source === 'screen_audio') return { codecOptions: profile === 'field' ? FIELD_MIC_CODEC_OPTIONS : MIC_CODEC_OPTIONS };
  const vp8 = codecs.find((c) => c.mimeType.toLowerCase() === 'video/vp8');
  const codec = vp8 ? { codec: vp8 } : {};
  if (source === 'screen') return { encodings: SCREEN_ENCODINGS, ...codec };
  if (profile === 'field') return { encodings: FIELD_CAMERA_ENCODINGS, codecOptions: FIELD_CAMERA_CODEC_OPTIONS, ...codec };
  return { encodings: CAMERA_ENCODINGS, codecOptions: CAMERA_CODEC_OPTIONS, ...codec };
}

/** Spatial layer for a tile of this rendered width (CSS px × device pixel ratio). */
export function layerForWidth(pixels: number): 0 | 1 | 2 {
  if (pixels <= 360) return 0;
  if (pixels <= 720) return 1;
  return 2;
}
