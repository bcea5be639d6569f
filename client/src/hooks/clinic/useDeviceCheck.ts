import { useCallback, useEffect, useRef, useState } from 'react';
import {
  classifyMediaError,
  levelFromTimeDomain,
  pingHealth,
  SOUND_DETECTED_LEVEL,
  type MediaFailure,
  type PingResult,
} from '../../features/kiosk/device-check';

export type CheckStatus = 'pending' | 'ok' | 'failed';

export interface CameraCheck {
  status: CheckStatus;
  stream: MediaStream | null;
  failure: MediaFailure | null;
  retry(): void;
}

/** Opens the camera for a preview; released on unmount (the room opens it again). */
export function useCameraCheck(): CameraCheck {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<CameraCheck, 'retry'>>({ status: 'pending', stream: null, failure: null });

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    setState({ status: 'pending', stream: null, failure: null });
    const open = async () => {
      try {
        if (!navigator.mediaDevices) throw new DOMException('no media devices', 'NotFoundError');
        const s = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
        if (cancelled) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        setState({ status: 'ok', stream: s, failure: null });
      } catch (err) {
        if (!cancelled) setState({ status: 'failed', stream: null, failure: classifyMediaError(err) });
      }
    };
    void open();
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [attempt]);

  return { ...state, retry: useCallback(() => setAttempt((n) => n + 1), []) };
}

export interface MicCheck {
  status: CheckStatus;
  /** 0…1, updated ~10 times a second. */
  level: number;
  /** Sound was picked up at least once. */
  heard: boolean;
  failure: MediaFailure | null;
  retry(): void;
}

/** Opens the microphone and measures its level with an AnalyserNode. */
export function useMicCheck(): MicCheck {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<MicCheck, 'retry'>>({ status: 'pending', level: 0, heard: false, failure: null });

  useEffect(() => {
    let cancelled = false;
    let stream: MediaStream | null = null;
    let ctx: AudioContext | null = null;
    let frame = 0;
    setState({ status: 'pending', level: 0, heard: false, failure: null });
    const start = async () => {
      try {
        if (!navigator.mediaDevices) throw new DOMException('no media devices', 'NotFoundError');
        stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: false }, video: false });
        if (cancelled) return;
        ctx = new AudioContext();
        void ctx.resume().catch(() => undefined);
        const analyser = ctx.createAnalyser();
        analyser.fftSize = 512;
        ctx.createMediaStreamSource(stream).connect(analyser);
        const samples = new Uint8Array(analyser.fftSize);
        let lastUpdate = 0;
        setState({ status: 'ok', level: 0, heard: false, failure: null });
        const tick = (t: number) => {
          analyser.getByteTimeDomainData(samples);
          if (t - lastUpdate > 100) {
            lastUpdate = t;
            const level = levelFromTimeDomain(samples);
            setState((s) => ({ ...s, level, heard: s.heard || level > SOUND_DETECTED_LEVEL }));
          }
          frame = requestAnimationFrame(tick);
        };
        frame = requestAnimationFrame(tick);
      } catch (err) {
        if (!cancelled) setState({ status: 'failed', level: 0, heard: false, failure: classifyMediaError(err) });
      }
    };
    void start();
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((t) => t.stop());
      void ctx?.close().catch(() => undefined);
    };
  }, [attempt]);

  return { ...state, retry: useCallback(() => setAttempt((n) => n + 1), []) };
}

export type SpeakerStatus = 'idle' | 'playing' | 'asking' | 'ok' | 'failed';

export interface SpeakerTest {
  status: SpeakerStatus;
  play(): void;
  /** The patient says whether they heard the tone. */
  confirm(heard: boolean): void;
}

/** Plays a short two-tone chime through the speakers, then asks whether it was heard. */
export function useSpeakerTest(): SpeakerTest {
  const [status, setStatus] = useState<SpeakerStatus>('idle');
  const ctxRef = useRef<AudioContext | null>(null);

  useEffect(() => () => void ctxRef.current?.close().catch(() => undefined), []);

  const play = useCallback(() => {
    try {
      const ctx = (ctxRef.current ??= new AudioContext());
      void ctx.resume().catch(() => undefined);
      const gain = ctx.createGain();
      gain.connect(ctx.destination);
      const t0 = ctx.currentTime;
      [660, 880].forEach((freq, i) => {
        const osc = ctx.createOscillator();
        osc.type = 'sine';
        osc.frequency.value = freq;
        osc.connect(gain);
        osc.start(t0 + i * 0.5);
        osc.stop(t0 + i * 0.5 + 0.45);
      });
      gain.gain.setValueAtTime(0.3, t0);
      setStatus('playing');
      setTimeout(() => setStatus((s) => (s === 'playing' ? 'asking' : s)), 1000);
    } catch {
      setStatus('failed');
    }
  }, []);

  const confirm = useCallback((heard: boolean) => setStatus(heard ? 'ok' : 'failed'), []);
  return { status, play, confirm };
}

export interface ConnectionCheck {
  status: CheckStatus;
  result: PingResult | null;
  retry(): void;
}

/** Three round trips to /api/health; reports the median. */
export function useConnectionCheck(): ConnectionCheck {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<ConnectionCheck, 'retry'>>({ status: 'pending', result: null });

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'pending', result: null });
    const run = async () => {
      const results: PingResult[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await pingHealth((input, init) => fetch(input, init));
        if (cancelled) return;
        if (!r.ok) return setState({ status: 'failed', result: r });
        results.push(r);
      }
      const sorted = results.flatMap((r) => (r.ok ? [r] : [])).sort((a, b) => a.rttMs - b.rttMs);
      const median = sorted[Math.floor(sorted.length / 2)] ?? null;
      setState({ status: median ? 'ok' : 'failed', result: median });
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  return { ...state, retry: useCallback(() => setAttempt((n) => n + 1), []) };
}
