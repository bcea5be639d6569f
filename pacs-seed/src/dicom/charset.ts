import iconv from 'iconv-lite';

/**
 * The Specific Character Sets (0008,0005) the demo studies use. Both are single-value, without
 * ISO 2022 code extensions:
 *  - `ISO_IR 192`: Unicode in UTF-8;
 *  - `GB18030`: the Chinese national standard, common in county PACS archives.
 */
export type DicomCharset = 'ISO_IR 192' | 'GB18030';

/** DICOM delimiters that must never appear inside a multi-byte character of a text value. */
const DELIMITERS = new Set([0x5c /* \ */, 0x5e /* ^ */, 0x3d /* = */]);

/** Encodes a text value (PN, LO, SH, ST, LT, UT) in the dataset's character set. */
export function encodeText(value: string, charset: DicomCharset): Buffer {
  if (charset === 'ISO_IR 192') return Buffer.from(value, 'utf8');
  const bytes = iconv.encode(value, 'gb18030');
  assertNoDelimiterInMultiByte(value, bytes);
  return bytes;
}

/**
 * GB18030 trail bytes may take the values of `\`, `^` or `=`: a reader that splits the raw bytes
 * on those would cut a character in half. DICOM readers must decode first and then split, but the
 * demo data avoids such characters altogether so that every viewer shows the names correctly.
 */
function assertNoDelimiterInMultiByte(value: string, bytes: Buffer): void {
  const asciiDelimiters = [...value].filter((c) => DELIMITERS.has(c.charCodeAt(0))).length;
  const delimiterBytes = [...bytes].filter((b) => DELIMITERS.has(b)).length;
  if (delimiterBytes !== asciiDelimiters) throw new Error(`GB18030 encoding of a demo value puts a delimiter byte inside a character`);
}
