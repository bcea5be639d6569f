/**
 * Browser side, injected before any page script (bundled to an IIFE by esbuild): records when each
 * remote video (`[data-testid="remote-video"]`) presents its first decoded frame with a size, using
 * requestVideoFrameCallback, in the page's performance.now() time base. `t0` is the start of the
 * page's navigation (0) unless the bench sets it at a click that starts the join.
 */
interface BenchState {
  t0: number;
  /** First decoded frame per remote video (keyed by consumer id), performance.now() ms. */
  frames: Record<string, number>;
}

declare global {
  interface Window {
    __bench: BenchState;
  }
}

const state: BenchState = { t0: 0, frames: {} };
window.__bench = state;
const watched = new WeakSet<HTMLVideoElement>();
let seq = 0;

function watch(video: HTMLVideoElement): void {
  if (watched.has(video)) return;
  watched.add(video);
  const key = video.dataset['consumerId'] || `video-${++seq}`;
  const done = (at: number) => {
    if (state.frames[key] === undefined && video.videoWidth > 0) state.frames[key] = at;
    return state.frames[key] !== undefined;
  };
  if ('requestVideoFrameCallback' in video) {
    const onFrame = (now: number) => {
      if (!done(now) && video.isConnected) video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  } else {
    const poll = () => {
      if (!done(performance.now()) && (video as HTMLVideoElement).isConnected) setTimeout(poll, 10);
    };
    poll();
  }
}

function scan(): void {
  document.querySelectorAll<HTMLVideoElement>('video[data-testid="remote-video"]').forEach(watch);
}

new MutationObserver(scan).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-testid'] });
document.addEventListener('DOMContentLoaded', scan);

export {};
