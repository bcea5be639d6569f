import type { types as ms } from 'mediasoup';
import * as ortc from 'mediasoup/node/lib/ortc';
import { AppError } from '../lib/errors';

/**
 * The client's media parameters, checked with mediasoup's own validators (the ones its `produce`,
 * `consume` and `produceData` run) before they are used: a failure is the client's `bad_request`,
 * not a server error. The validators fill in defaults, so they work on a copy.
 */
function checked<T>(what: string, value: unknown, validate: (v: T) => void): T {
  const copy = structuredClone(value) as T;
  try {
    validate(copy);
  } catch (err) {
    throw new AppError('bad_request', `Invalid ${what}: ${err instanceof Error ? err.message.slice(0, 300) : 'rejected'}`);
  }
  return copy;
}

export const rtpCapabilitiesOf = (v: unknown) => checked<ms.RtpCapabilities>('rtpCapabilities', v, ortc.validateRtpCapabilities);
export const rtpParametersOf = (v: unknown) => checked<ms.RtpParameters>('rtpParameters', v, ortc.validateRtpParameters);
export const sctpStreamParametersOf = (v: unknown) => checked<ms.SctpStreamParameters>('sctpStreamParameters', v, ortc.validateSctpStreamParameters);

/**
 * Runs a mediasoup call whose parameters came from the client and that the worker validates itself
 * (DTLS parameters, codecs the router cannot take): its TypeError / UnsupportedError is the
 * client's `bad_request`. Only such calls are wrapped; elsewhere a TypeError is a server bug.
 */
export async function withClientParams<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof TypeError || (err instanceof Error && err.name === 'UnsupportedError')) {
      throw new AppError('bad_request', `Invalid ${what}: ${err.message.slice(0, 300)}`);
    }
    throw err;
  }
}
