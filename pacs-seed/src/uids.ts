import crypto from 'node:crypto';

/**
 * A DICOM UID under the `2.25` root (PS3.5 B.2: a UUID written as one decimal integer), derived
 * from a stable label so the same study always gets the same UID on every machine. The UUID is a
 * name-based RFC 9562 version 8 UUID: SHA-256 of the label, version and variant bits set.
 *
 * The county HIS derives its ImagingStudy identifiers with the same function (see catalogue.ts).
 */
export function uidFor(label: string): string {
  const bytes = crypto.createHash('sha256').update(label, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80; // version 8
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  return `2.25.${BigInt(`0x${bytes.toString('hex')}`).toString(10)}`;
}

/** UIDs are at most 64 characters of digits and dots, no component with a leading zero. */
export function isValidUid(uid: string): boolean {
  return uid.length <= 64 && /^(0|[1-9]\d*)(\.(0|[1-9]\d*))+$/.test(uid);
}
