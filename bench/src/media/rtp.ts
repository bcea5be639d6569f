/**
 * RTP packetization as a browser sends it: VP8 with the RFC 7741 payload descriptor (15-bit
 * PictureID, start-of-partition bit, marker on the last packet of a frame), Opus one frame per
 * packet with the ssrc-audio-level header extension (RFC 6464) that active-speaker detection uses.
 */

export const VP8_PT = 96;
export const OPUS_PT = 111;
export const AUDIO_LEVEL_EXT_ID = 1;
export const AUDIO_LEVEL_URI = 'urn:ietf:params:rtp-hdrext:ssrc-audio-level';
/** Largest VP8 payload chunk per packet (Chrome's packets are ~1,100–1,200 bytes). */
const MAX_VP8_CHUNK = 1150;

export interface RtpState {
  ssrc: number;
  seq: number;
  pictureId: number;
}

function header(state: RtpState, pt: number, marker: boolean, timestamp: number, extension: boolean): Buffer {
  const h = Buffer.allocUnsafe(12);
  h[0] = 0x80 | (extension ? 0x10 : 0);
  h[1] = (marker ? 0x80 : 0) | pt;
  h.writeUInt16BE(state.seq, 2);
  state.seq = (state.seq + 1) & 0xffff;
  h.writeUInt32BE(timestamp >>> 0, 4);
  h.writeUInt32BE(state.ssrc >>> 0, 8);
  return h;
}

export function packetizeVp8(frame: Buffer, state: RtpState, timestamp: number, pt = VP8_PT): Buffer[] {
  const packets: Buffer[] = [];
  const pid = state.pictureId;
  state.pictureId = (state.pictureId + 1) & 0x7fff;
  for (let off = 0; off < frame.length; off += MAX_VP8_CHUNK) {
    const chunk = frame.subarray(off, Math.min(frame.length, off + MAX_VP8_CHUNK));
    const last = off + MAX_VP8_CHUNK >= frame.length;
    // X=1, S on the first packet, PID=0; I=1; M=1 + 15-bit PictureID.
    const desc = Buffer.from([0x80 | (off === 0 ? 0x10 : 0), 0x80, 0x80 | (pid >> 8), pid & 0xff]);
    packets.push(Buffer.concat([header(state, pt, last, timestamp, false), desc, chunk]));
  }
  return packets;
}

/** `level`: audio level in -dBov (0 loudest … 127 silence), with the voice-activity bit set when < 60. */
export function packetizeOpus(frame: Buffer, state: RtpState, timestamp: number, level: number, pt = OPUS_PT): Buffer {
  const ext = Buffer.from([0xbe, 0xde, 0x00, 0x01, (AUDIO_LEVEL_EXT_ID << 4) | 0, (level < 60 ? 0x80 : 0) | (level & 0x7f), 0, 0]);
  return Buffer.concat([header(state, pt, false, timestamp, true), ext, frame]);
}

/** The media SSRCs a compound RTCP packet asks key frames for (PLI, FIR). */
export function keyFrameRequests(buf: Buffer): number[] {
  const out: number[] = [];
  for (let off = 0; off + 12 <= buf.length; ) {
    const pt = buf[off + 1];
    const fmt = (buf[off] ?? 0) & 0x1f;
    const len = (buf.readUInt16BE(off + 2) + 1) * 4;
    if (pt === 206 && fmt === 1) out.push(buf.readUInt32BE(off + 8));
    else if (pt === 206 && fmt === 4 && off + 16 <= buf.length) out.push(buf.readUInt32BE(off + 12));
    off += len;
  }
  return out;
}

/** RTP or RTCP (RFC 5761: RTCP packet types 192–223 in the second byte when muxed). */
export const isRtcp = (buf: Buffer): boolean => {
  const b = buf[1] ?? 0;
  return b >= 192 && b <= 223;
};

export const rtpVideoParameters = (ssrc: number) => ({
  mid: '1',
  codecs: [{ mimeType: 'video/VP8', payloadType: VP8_PT, clockRate: 90000, parameters: {}, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }] }],
  headerExtensions: [],
  encodings: [{ ssrc, maxBitrate: 600_000 }],
  rtcp: { cname: `bench-${ssrc}`, reducedSize: true },
});

export const rtpAudioParameters = (ssrc: number) => ({
  mid: '0',
  codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PT, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1, usedtx: 1 }, rtcpFeedback: [] }],
  headerExtensions: [{ uri: AUDIO_LEVEL_URI, id: AUDIO_LEVEL_EXT_ID, encrypt: false, parameters: {} }],
  encodings: [{ ssrc }],
  rtcp: { cname: `bench-${ssrc}`, reducedSize: true },
});
