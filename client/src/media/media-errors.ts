import type { MediaSource } from '@cloudclinic/shared';

/** Why a camera, microphone or screen could not be opened: each kind has its own recovery hint. */
export type MediaErrorKind = 'PermissionDenied' | 'NotFound' | 'DeviceInUse' | 'Other';

export type MediaErrorHintKey =
  | 'room.mediaErrors.permissionDenied'
  | 'room.mediaErrors.notFound'
  | 'room.mediaErrors.deviceInUse'
  | 'room.mediaErrors.other';

export interface MediaFailure {
  kind: MediaErrorKind;
  source: MediaSource;
  /** i18n key of the recovery hint shown to the user. */
  hintKey: MediaErrorHintKey;
  /** Browser message, for logs only. */
  detail: string;
}

const KIND_BY_NAME: Readonly<Record<string, MediaErrorKind>> = {
  NotAllowedError: 'PermissionDenied',
  SecurityError: 'PermissionDenied',
  PermissionDeniedError: 'PermissionDenied', // older Chromium
  NotFoundError: 'NotFound',
  OverconstrainedError: 'NotFound',
  DevicesNotFoundError: 'NotFound', // older Chromium
  NotReadableError: 'DeviceInUse',
  AbortError: 'DeviceInUse',
  TrackStartError: 'DeviceInUse', // older Chromium
};

const HINT: Readonly<Record<MediaErrorKind, MediaErrorHintKey>> = {
  PermissionDenied: 'room.mediaErrors.permissionDenied',
  NotFound: 'room.mediaErrors.notFound',
  DeviceInUse: 'room.mediaErrors.deviceInUse',
  Other: 'room.mediaErrors.other',
};

/** The one place where getUserMedia / getDisplayMedia failures are classified. */
export function toMediaFailure(err: unknown, source: MediaSource): MediaFailure {
  const name = err instanceof Error || isDomException(err) ? err.name : '';
  const kind = KIND_BY_NAME[name] ?? 'Other';
  const detail = err instanceof Error || isDomException(err) ? `${err.name}: ${err.message}` : String(err);
  return { kind, source, hintKey: HINT[kind], detail };
}

/** A user who closes the screen picker has not hit an error: nothing to show. */
export function isScreenPickerCancel(err: unknown, source: MediaSource): boolean {
  return source === 'screen' && (err instanceof Error || isDomException(err)) && err.name === 'NotAllowedError';
}

function isDomException(err: unknown): err is DOMException {
  return typeof DOMException !== 'undefined' && err instanceof DOMException;
}
