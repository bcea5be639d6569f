import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { loadAverage } from './proc';

export interface MachineInfo {
  hostname: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  loadAverageAtStart: number[];
  mediasoupWorkerBin: string | null;
  mediasoupWorkerSha256: string | null;
}

export function machineInfo(): MachineInfo {
  const bin = process.env['MEDIASOUP_WORKER_BIN'] ?? null;
  let sha: string | null = null;
  if (bin && fs.existsSync(bin)) sha = createHash('sha256').update(fs.readFileSync(bin)).digest('hex').slice(0, 16);
  return {
    hostname: os.hostname(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: loadAverage(),
    mediasoupWorkerBin: bin,
    mediasoupWorkerSha256: sha,
  };
}
