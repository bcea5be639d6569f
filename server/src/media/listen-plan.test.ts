import { describe, expect, it } from 'vitest';
import { listenInfosFor, localAddresses, MediaConfigError, planListenAddresses } from './listen-plan';

const IFACES = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '', cidr: null }],
  eth0: [
    { address: '10.1.2.3', family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '', cidr: null },
    { address: 'fe80::1', family: 'IPv6', internal: false, netmask: 'ffff::', mac: '', cidr: null, scopeid: 2 },
  ],
} as const satisfies Record<string, unknown[]>;

describe('where the SFU listens and what browsers are told', () => {
  it('by default announces every LAN IPv4 address and loopback, each as itself', () => {
    expect(planListenAddresses({}, IFACES as never)).toEqual([{ ip: '10.1.2.3' }, { ip: '127.0.0.1' }]);
    expect(localAddresses({} as never)).toEqual(['127.0.0.1']);
  });

  it('announces the configured NAT/public addresses on the listen IP', () => {
    expect(planListenAddresses({ listenIp: '0.0.0.0', announced: '203.0.113.7, clinic.example.cn' })).toEqual([
      { ip: '0.0.0.0', announcedIp: '203.0.113.7' },
      { ip: '0.0.0.0', announcedIp: 'clinic.example.cn' },
    ]);
    expect(planListenAddresses({ announced: '203.0.113.7' })).toEqual([{ ip: '0.0.0.0', announcedIp: '203.0.113.7' }]);
  });

  it('refuses what could never carry media', () => {
    expect(() => planListenAddresses({ listenIp: '0.0.0.0' })).toThrow(MediaConfigError);
    expect(() => planListenAddresses({ listenIp: '::' })).toThrow(/RTC_ANNOUNCED_ADDRESS/);
    expect(() => planListenAddresses({ announced: '0.0.0.0' })).toThrow(/never be reached/);
  });

  it('passes announcedIp (the field mediasoup 3.13 reads) and gives each socket its own port', () => {
    const shared = listenInfosFor([{ ip: '0.0.0.0', announcedIp: 'a' }, { ip: '0.0.0.0', announcedIp: 'b' }], 1, 2, 40000);
    expect(shared).toEqual([
      { protocol: 'udp', ip: '0.0.0.0', announcedIp: 'a', port: 40001 },
      { protocol: 'tcp', ip: '0.0.0.0', announcedIp: 'a', port: 40001 },
      { protocol: 'udp', ip: '0.0.0.0', announcedIp: 'b', port: 40003 },
      { protocol: 'tcp', ip: '0.0.0.0', announcedIp: 'b', port: 40003 },
    ]);
    const distinct = listenInfosFor([{ ip: '10.1.2.3' }, { ip: '127.0.0.1' }], 1, 2, 40000);
    expect(distinct.map((l) => [l.ip, l.port, 'announcedIp' in l])).toEqual([
      ['10.1.2.3', 40001, false],
      ['10.1.2.3', 40001, false],
      ['127.0.0.1', 40001, false],
      ['127.0.0.1', 40001, false],
    ]);
    expect(listenInfosFor([{ ip: '127.0.0.1' }], 0, 1, 0)).toEqual([
      { protocol: 'udp', ip: '127.0.0.1' },
      { protocol: 'tcp', ip: '127.0.0.1' },
    ]);
  });
});
