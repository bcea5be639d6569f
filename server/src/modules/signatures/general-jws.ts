/**
 * Several compact JWS over the same payload as one JWS JSON general serialization (RFC 7515 §7.2.1):
 * the payload once, then each signer's protected header and signature. Each signature still
 * verifies on its own against the JWKS.
 */
export function toGeneralJws(canonical: string, compact: readonly string[]): { payload: string; signatures: { protected: string; signature: string }[] } {
  const payload = Buffer.from(canonical, 'utf8').toString('base64url');
  return {
    payload,
    signatures: compact.map((jws) => {
      const [header = '', body = '', signature = ''] = jws.split('.');
      if (body !== payload) throw new Error('every signature must be over the same payload');
      return { protected: header, signature };
    }),
  };
}
