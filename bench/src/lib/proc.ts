import fs from 'node:fs';
import os from 'node:os';

/** Linux process and machine counters from /proc (CPU in clock ticks, memory in bytes). */

const CLK_TCK = 100; // sysconf(_SC_CLK_TCK) on Linux/x86 and arm64

/** utime + stime of a process, in seconds; null when it is gone. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: fields after the closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / CLK_TCK;
  } catch {
    return null;
  }
}

export function processRssBytes(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Busy and total jiffies of the whole machine (all cores), from /proc/stat. */
export function machineCpuTicks(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * CPU use over a window: call `start()` then `stop()`; per pid, percent of ONE core; machine busy
 * percent of ALL cores (what the other engineers' jobs and our load generators used too).
 */
export class CpuWindow {
  private t0 = 0;
  private cpu0 = new Map<number, number>();
  private machine0 = machineCpuTicks();

  constructor(private readonly pids: readonly number[]) {}

  start(): this {
    this.t0 = performance.now();
    this.machine0 = machineCpuTicks();
    for (const pid of this.pids) this.cpu0.set(pid, processCpuSeconds(pid) ?? 0);
    return this;
  }

  stop(): { seconds: number; perPid: Map<number, number>; machineBusyPct: number } {
    const seconds = (performance.now() - this.t0) / 1000;
    const perPid = new Map<number, number>();
    for (const pid of this.pids) perPid.set(pid, (100 * ((processCpuSeconds(pid) ?? 0) - (this.cpu0.get(pid) ?? 0))) / seconds);
    const m = machineCpuTicks();
    const machineBusyPct = (100 * (m.busy - this.machine0.busy)) / Math.max(1, m.total - this.machine0.total);
    return { seconds, perPid, machineBusyPct };
  }
}

/** Kernel UDP counters (this network namespace): receive-buffer drops tell our receiver's losses apart. */
export function udpCounters(): { inDatagrams: number; rcvbufErrors: number; inErrors: number } {
  const lines = fs.readFileSync('/proc/net/snmp', 'utf8').split('\n').filter((l) => l.startsWith('Udp:'));
  const [head, vals] = lines;
  if (!head || !vals) return { inDatagrams: 0, rcvbufErrors: 0, inErrors: 0 };
  const keys = head.split(/\s+/);
  const values = vals.split(/\s+/);
  const get = (k: string) => Number(values[keys.indexOf(k)] ?? 0);
  return { inDatagrams: get('InDatagrams'), rcvbufErrors: get('RcvbufErrors'), inErrors: get('InErrors') };
}

/** Datagrams dropped (receive buffer full) on the UDP sockets bound to these local ports (/proc/net/udp "drops"). */
export function udpDropsOnPorts(ports: readonly number[]): number {
  const want = new Set(ports);
  let drops = 0;
  for (const file of ['/proc/net/udp', '/proc/net/udp6']) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const port = Number.parseInt(cols[1]?.split(':')[1] ?? '', 16);
      if (want.has(port)) drops += Number(cols[12] ?? 0);
    }
  }
  return drops;
}

/** Socket inodes held open by a process. */
function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  let fds: string[] = [];
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`);
  } catch {
    return inodes;
  }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m?.[1]) inodes.add(m[1]);
    } catch {
      // fd closed while listing
    }
  }
  return inodes;
}

function tableInodes(file: string): Set<string> {
  const out = new Set<string>();
  try {
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[9]) out.add(cols[9]);
    }
  } catch {
    // no IPv6 table
  }
  return out;
}

/** Open UDP and TCP sockets (and all fds) of the given processes. */
export function openSockets(pids: readonly number[]): { udp: number; tcp: number; fds: number } {
  const udp = new Set([...tableInodes('/proc/net/udp'), ...tableInodes('/proc/net/udp6')]);
  const tcp = new Set([...tableInodes('/proc/net/tcp'), ...tableInodes('/proc/net/tcp6')]);
  let nUdp = 0;
  let nTcp = 0;
  let fds = 0;
  for (const pid of pids) {
    for (const inode of socketInodes(pid)) {
      if (udp.has(inode)) nUdp++;
      else if (tcp.has(inode)) nTcp++;
    }
    try {
      fds += fs.readdirSync(`/proc/${pid}/fd`).length;
    } catch {
      // gone
    }
  }
  return { udp: nUdp, tcp: nTcp, fds };
}

export const loadAverage = () => os.loadavg().map((v) => Math.round(v * 100) / 100);
