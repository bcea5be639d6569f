import os from 'node:os';
import type { types as ms } from 'mediasoup';

/** One address the SFU listens on, and what it tells browsers to send to (when different). */
export interface ListenAddress {
  ip: string;
  announcedIp?: string;
}

export interface ListenPlanSettings {
  /** RTC_LISTEN_IP: unset means "every local address, each announced as itself". */
  listenIp?: string | undefined;
  /** RTC_ANNOUNCED_ADDRESS: comma-separated IPs or host names that browsers can reach. */
  announced?: string | undefined;
}

export class MediaConfigError extends Error {}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);
export const isWildcard = (ip: string): boolean => WILDCARDS.has(ip.trim());

/** The IPv4 addresses of this machine's network interfaces, LAN first, loopback last. */
export function localAddresses(interfaces = os.networkInterfaces()): string[] {
  const lan = new Set<string>();
  for (const infos of Object.values(interfaces)) {
    for (const info of infos ?? []) if (info.family === 'IPv4' && !info.internal) lan.add(info.address);
  }
  return [...lan, '127.0.0.1'];
}

/**
 * What the WebRtcServers listen on and announce. A browser only starts ICE towards addresses it can
 * reach, so a plan that would announce a wildcard address (0.0.0.0) is refused instead of serving
 * black video.
 */
export function planListenAddresses(settings: ListenPlanSettings, interfaces?: ReturnType<typeof os.networkInterfaces>): ListenAddress[] {
  const announced = (settings.announced ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of announced) {
    if (isWildcard(a)) throw new MediaConfigError(`RTC_ANNOUNCED_ADDRESS=${a} can never be reached by a browser: announce the address browsers connect to (LAN or public IP, or a host name)`);
  }
  const listenIp = settings.listenIp?.trim() || undefined;
  if (announced.length > 0) return announced.map((announcedIp) => ({ ip: listenIp ?? '0.0.0.0', announcedIp }));
  if (listenIp && isWildcard(listenIp)) {
    throw new MediaConfigError(
      `RTC_LISTEN_IP=${listenIp} without RTC_ANNOUNCED_ADDRESS would announce ${listenIp} to browsers, which never connect to it: leave RTC_LISTEN_IP unset (every local address is announced) or set RTC_ANNOUNCED_ADDRESS`,
    );
  }
  if (listenIp) return [{ ip: listenIp }];
  return localAddresses(interfaces).map((ip) => ({ ip }));
}

/**
 * The listen infos of worker `index` of `count`: UDP and TCP per address. Addresses on distinct IPs
 * share the worker's port (basePort + index); several announced addresses on one wildcard IP need
 * ports of their own (basePort + j * count + index). basePort 0: any free port.
 */
export function listenInfosFor(addresses: readonly ListenAddress[], index: number, count: number, basePort: number): ms.TransportListenInfo[] {
  const sharedIp = new Set(addresses.map((a) => a.ip)).size < addresses.length;
  return addresses.flatMap((address, j) => {
    const port = basePort === 0 ? undefined : basePort + (sharedIp ? j * count : 0) + index;
    return (['udp', 'tcp'] as const).map((protocol): ms.TransportListenInfo => {
      const info: ms.TransportListenInfo = { protocol, ip: address.ip };
      if (address.announcedIp !== undefined) info.announcedIp = address.announcedIp;
      if (port !== undefined) info.port = port;
      return info;
    });
  });
}

/** What browsers are told, in one line for the start-up log and the health report. */
export function announcedAddresses(addresses: readonly ListenAddress[]): string[] {
  return addresses.map((a) => a.announcedIp ?? a.ip);
}
