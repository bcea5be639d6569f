import crypto from 'node:crypto';
import zlib from 'node:zlib';

/** Just enough of STUN (RFC 5389) and ICE (RFC 8445) to send a connectivity check as a browser does. */
const MAGIC = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const ATTR = { USERNAME: 0x0006, MESSAGE_INTEGRITY: 0x0008, PRIORITY: 0x0024, FINGERPRINT: 0x8028, ICE_CONTROLLING: 0x802a } as const;

function attribute(type: number, value: Buffer): Buffer {
  const padded = Buffer.alloc(4 + Math.ceil(value.length / 4) * 4);
  padded.writeUInt16BE(type, 0);
  padded.writeUInt16BE(value.length, 2);
  value.copy(padded, 4);
  return padded;
}

function header(type: number, bodyLength: number, transactionId: Buffer): Buffer {
  const h = Buffer.alloc(20);
  h.writeUInt16BE(type, 0);
  h.writeUInt16BE(bodyLength, 2);
  h.writeUInt32BE(MAGIC, 4);
  transactionId.copy(h, 8);
  return h;
}

/**
 * A Binding request with USERNAME `<remoteUfrag>:<localUfrag>`, PRIORITY, ICE-CONTROLLING,
 * MESSAGE-INTEGRITY (keyed with the remote ICE password) and FINGERPRINT.
 */
export function bindingRequest(opts: { remoteUfrag: string; localUfrag: string; remotePassword: string; transactionId?: Buffer }): { packet: Buffer; transactionId: Buffer } {
  const transactionId = opts.transactionId ?? crypto.randomBytes(12);
  const priority = Buffer.alloc(4);
  priority.writeUInt32BE(0x6e0001ff, 0);
  const attrs = Buffer.concat([
    attribute(ATTR.USERNAME, Buffer.from(`${opts.remoteUfrag}:${opts.localUfrag}`)),
    attribute(ATTR.PRIORITY, priority),
    attribute(ATTR.ICE_CONTROLLING, crypto.randomBytes(8)),
  ]);
  // MESSAGE-INTEGRITY covers the message with the length field already counting the integrity attribute.
  const integrity = crypto
    .createHmac('sha1', opts.remotePassword)
    .update(Buffer.concat([header(BINDING_REQUEST, attrs.length + 24, transactionId), attrs]))
    .digest();
  const signed = Buffer.concat([attrs, attribute(ATTR.MESSAGE_INTEGRITY, integrity)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((zlib.crc32(Buffer.concat([header(BINDING_REQUEST, signed.length + 8, transactionId), signed])) ^ 0x5354554e) >>> 0, 0);
  const body = Buffer.concat([signed, attribute(ATTR.FINGERPRINT, crc)]);
  return { packet: Buffer.concat([header(BINDING_REQUEST, body.length, transactionId), body]), transactionId };
}

/** True when `packet` is a Binding success response to `transactionId`. */
export function isBindingSuccess(packet: Buffer, transactionId: Buffer): boolean {
  return packet.length >= 20 && packet.readUInt16BE(0) === BINDING_SUCCESS && packet.readUInt32BE(4) === MAGIC && packet.subarray(8, 20).equals(transactionId);
}
