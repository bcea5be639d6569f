import type { BrowserContext, Page } from '@playwright/test';

declare global {
  interface Window {
    __peerConnections?: RTCPeerConnection[];
  }
}

/**
 * Records every RTCPeerConnection the page creates (in `window.__peerConnections`) so that specs
 * can read WebRTC stats without any hook in the application.
 */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const all: RTCPeerConnection[] = [];
    window.__peerConnections = all;
    class Recorded extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        all.push(this);
      }
    }
    window.RTCPeerConnection = Recorded;
  });
}

/** Audio RTP packets received so far over every open peer connection of the page. */
export function inboundAudioPackets(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let packets = 0;
    for (const pc of window.__peerConnections ?? []) {
      if (pc.connectionState === 'closed') continue;
      const report = await pc.getStats();
      report.forEach((s: { type?: string; kind?: string; packetsReceived?: number }) => {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') packets += s.packetsReceived ?? 0;
      });
    }
    return packets;
  });
}

/** Whether some remote `<audio>` element plays a live track. */
export function hasLiveRemoteAudio(page: Page, role: string): Promise<boolean> {
  return page
    .locator(`[data-testid="remote-audio"][data-peer-role="${role}"]`)
    .evaluateAll((elements) =>
      elements.some((el) => {
        const stream = (el as HTMLAudioElement).srcObject;
        return stream instanceof MediaStream && stream.getAudioTracks().some((t) => t.readyState === 'live');
      }),
    );
}
