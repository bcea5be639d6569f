import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The media the RTP generator sends: a real VP8 stream (640×480, 30 fps, ~500 kbps, as a webcam in
 * a consultation sends it) and a real Opus stream (48 kHz, 20 ms frames, ~32 kbps), encoded once by
 * ffmpeg (Debian) and cached. Without ffmpeg, a synthetic stream with the same frame-size profile
 * is used and the results say so.
 */
export interface MediaClip {
  origin: 'ffmpeg' | 'synthetic';
  description: string;
  video: { frames: Buffer[]; key: boolean[]; fps: number; kbps: number };
  audio: { frames: Buffer[]; frameMs: number; kbps: number };
}

const CLIP_SECONDS = 20;
const VIDEO_FPS = 30;
const CACHE_VERSION = 'v1';

export function clipCacheDir(): string {
  const base = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  return path.join(base, 'cloudclinic', 'bench-media', CACHE_VERSION);
}

function haveFfmpeg(): boolean {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

function ffmpeg(args: string[]): void {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`ffmpeg ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
}

/** Encode (once) and load the clip. */
export function loadClip(): MediaClip {
  const dir = clipCacheDir();
  const ivf = path.join(dir, 'camera-vp8-500k.ivf');
  const ogg = path.join(dir, 'voice-opus-32k.ogg');
  if (!fs.existsSync(ivf) || !fs.existsSync(ogg)) {
    if (!haveFfmpeg()) return syntheticClip();
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${dir}/.tmp-${process.pid}`;
    fs.mkdirSync(tmp, { recursive: true });
    // Webcam-like: moving test pattern with sensor noise, real-time libvpx settings as in WebRTC
    // (no alt-ref, no lag, CBR 500 kbps); one key frame at the start (WebRTC sends key frames on
    // request only; the generator answers PLI/FIR by sending it again).
    ffmpeg([
      '-f', 'lavfi', '-i', `testsrc2=size=640x480:rate=${VIDEO_FPS},noise=alls=12:allf=t`, '-t', String(CLIP_SECONDS),
      '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '500k', '-minrate', '500k', '-maxrate', '500k',
      '-bufsize', '500k', '-g', '100000', '-error-resilient', '1', '-lag-in-frames', '0', '-auto-alt-ref', '0', '-threads', '1',
      '-f', 'ivf', `${tmp}/v.ivf`,
    ]);
    // Voice-like: a modulated tone over pink noise, Opus VoIP mode, 20 ms frames, 32 kbps VBR.
    ffmpeg([
      '-f', 'lavfi', '-i', `aevalsrc=0.3*sin(2*PI*(180+40*sin(2*PI*0.7*t))*t)*(0.6+0.4*sin(2*PI*2.1*t)):s=48000`,
      '-f', 'lavfi', '-i', 'anoisesrc=color=pink:amplitude=0.05:r=48000',
      '-filter_complex', 'amix=inputs=2:duration=shortest', '-t', String(CLIP_SECONDS),
      '-c:a', 'libopus', '-application', 'voip', '-frame_duration', '20', '-b:a', '32k', '-ac', '1',
      '-f', 'ogg', `${tmp}/a.ogg`,
    ]);
    fs.renameSync(`${tmp}/v.ivf`, ivf);
    fs.renameSync(`${tmp}/a.ogg`, ogg);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const video = parseIvf(fs.readFileSync(ivf));
  const audio = parseOggOpus(fs.readFileSync(ogg));
  const vBytes = video.reduce((s, f) => s + f.length, 0);
  const aBytes = audio.reduce((s, f) => s + f.length, 0);
  return {
    origin: 'ffmpeg',
    description: `VP8 640×480 ${VIDEO_FPS} fps from ffmpeg/libvpx (real-time CBR 500 kbps) and Opus 20 ms frames from ffmpeg/libopus (VoIP, 32 kbps), ${CLIP_SECONDS} s looped`,
    video: { frames: video, key: video.map((f) => ((f[0] ?? 1) & 0x01) === 0), fps: VIDEO_FPS, kbps: (vBytes * 8) / CLIP_SECONDS / 1000 },
    audio: { frames: audio, frameMs: 20, kbps: (aBytes * 8) / CLIP_SECONDS / 1000 },
  };
}

/** IVF container: 32-byte file header, then per frame a 12-byte header (size, pts) and the frame. */
export function parseIvf(buf: Buffer): Buffer[] {
  if (buf.toString('ascii', 0, 4) !== 'DKIF') throw new Error('not an IVF file');
  const headerLen = buf.readUInt16LE(6);
  const frames: Buffer[] = [];
  for (let off = headerLen; off + 12 <= buf.length; ) {
    const size = buf.readUInt32LE(off);
    frames.push(buf.subarray(off + 12, off + 12 + size));
    off += 12 + size;
  }
  return frames;
}

/** Ogg pages → Opus packets (skipping the OpusHead and OpusTags header packets). */
export function parseOggOpus(buf: Buffer): Buffer[] {
  const packets: Buffer[] = [];
  let partial: Buffer[] = [];
  for (let off = 0; off + 27 <= buf.length; ) {
    if (buf.toString('ascii', off, off + 4) !== 'OggS') throw new Error('bad Ogg page');
    const nSegs = buf[off + 26] ?? 0;
    const lacing = buf.subarray(off + 27, off + 27 + nSegs);
    let data = off + 27 + nSegs;
    for (const len of lacing) {
      partial.push(buf.subarray(data, data + len));
      data += len;
      if (len < 255) {
        packets.push(Buffer.concat(partial));
        partial = [];
      }
    }
    off = data;
  }
  return packets.filter((p) => !p.subarray(0, 8).toString('ascii').startsWith('Opus'));
}

/** Deterministic stand-in when ffmpeg is missing: same rates and frame-size profile, random payload. */
function syntheticClip(): MediaClip {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const video: Buffer[] = [];
  for (let i = 0; i < CLIP_SECONDS * VIDEO_FPS; i++) {
    const size = i === 0 ? 18_000 : Math.max(300, Math.round(2080 * (0.6 + 0.8 * rand())));
    const f = Buffer.alloc(size, Math.floor(rand() * 255));
    f[0] = i === 0 ? 0x10 : 0x11; // VP8 frame tag: bit 0 clear on key frames
    video.push(f);
  }
  const audio: Buffer[] = [];
  for (let i = 0; i < CLIP_SECONDS * 50; i++) {
    const f = Buffer.alloc(Math.round(60 + 40 * rand()), 0x55);
    f[0] = 0x78; // Opus TOC: SILK/hybrid 20 ms
    audio.push(f);
  }
  return {
    origin: 'synthetic',
    description: 'synthetic VP8-shaped frames (ffmpeg not available): 30 fps, ~500 kbps, one 18 KB key frame; Opus-sized 20 ms frames',
    video: { frames: video, key: video.map((_, i) => i === 0), fps: VIDEO_FPS, kbps: 500 },
    audio: { frames: audio, frameMs: 20, kbps: 32 },
  };
}
