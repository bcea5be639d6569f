import { startCountyHis } from '@cloudclinic/county-his';
import { serveRpc, type Handlers } from '../lib/rpc';

/** The county HIS simulator (FHIR R4) in its own process, as a real HIS would be: another system. */
export interface CountyHisApi extends Record<string, (arg: never) => unknown> {
  info(arg: null): { url: string; pid: number };
}

const his = await startCountyHis({ port: 0 });
const handlers: Handlers<CountyHisApi> = { info: () => ({ url: his.url, pid: process.pid }) };
serveRpc<CountyHisApi>(handlers, () => his.close());
