import type { ApiErrorCode } from '../api/api-error';
import { zhCN, type Messages } from './zh-CN';

type ErrorMessageCode = keyof Messages['errors'];
export type ErrorMessageKey = `errors.${ErrorMessageCode}`;

/**
 * Compile-time guard: every `ApiErrorCode` (server codes from @cloudclinic/shared plus client codes)
 * needs a message in `errors`. A new server code without one fails `typecheck` here.
 */
type MissingErrorMessages = Exclude<ApiErrorCode, ErrorMessageCode>;
const everyErrorCodeHasAMessage: [MissingErrorMessages] extends [never] ? true : MissingErrorMessages = true;
void everyErrorCodeHasAMessage;

function hasMessage(code: string): code is ErrorMessageCode {
  return Object.hasOwn(zhCN.errors, code);
}

/**
 * Translation key for an error code (`ApiError.code`, or a client-side code such as
 * `missing_credentials`); unknown codes fall back to `errors.unknown`.
 * Usage: `t(errorMessageKey(error.code))`.
 */
export function errorMessageKey(code: string): ErrorMessageKey {
  return hasMessage(code) ? `errors.${code}` : 'errors.unknown';
}
