import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bindingRequest, isBindingSuccess } from './stun';

describe('STUN connectivity check', () => {
  it('builds a Binding request whose integrity and fingerprint verify', () => {
    const { packet, transactionId } = bindingRequest({ remoteUfrag: 'srv', localUfrag: 'cli', remotePassword: 'secret-password' });
    expect(packet.readUInt16BE(0)).toBe(0x0001);
    expect(packet.readUInt16BE(2)).toBe(packet.length - 20);
    expect(packet.subarray(8, 20).equals(transactionId)).toBe(true);
    // USERNAME first: "srv:cli"
    expect(packet.readUInt16BE(20)).toBe(0x0006);
    expect(packet.subarray(24, 24 + packet.readUInt16BE(22)).toString()).toBe('srv:cli');
    // FINGERPRINT last: CRC-32 of everything before it, XOR 0x5354554e.
    const fpAt = packet.length - 8;
    expect(packet.readUInt16BE(fpAt)).toBe(0x8028);
    expect(packet.readUInt32BE(fpAt + 4)).toBe((zlib.crc32(packet.subarray(0, fpAt)) ^ 0x5354554e) >>> 0);
    // MESSAGE-INTEGRITY just before it: HMAC-SHA1 over the message up to itself, length counting itself.
    const miAt = fpAt - 24;
    expect(packet.readUInt16BE(miAt)).toBe(0x0008);
    const covered = Buffer.from(packet.subarray(0, miAt));
    covered.writeUInt16BE(miAt - 20 + 24, 2);
    expect(packet.subarray(miAt + 4, miAt + 24).equals(crypto.createHmac('sha1', 'secret-password').update(covered).digest())).toBe(true);
  });

  it('recognises only a success response to its own transaction', () => {
    const { transactionId } = bindingRequest({ remoteUfrag: 'a', localUfrag: 'b', remotePassword: 'c' });
    const response = Buffer.alloc(20);
    response.writeUInt16BE(0x0101, 0);
    response.writeUInt32BE(0x2112a442, 4);
    transactionId.copy(response, 8);
    expect(isBindingSuccess(response, transactionId)).toBe(true);
    expect(isBindingSuccess(response, crypto.randomBytes(12))).toBe(false);
    response.writeUInt16BE(0x0111, 0); // error response
    expect(isBindingSuccess(response, transactionId)).toBe(false);
  });
});
