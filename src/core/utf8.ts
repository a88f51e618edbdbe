/**
 * A string's UTF-8 bytes, as a Buffer over the encoder's own memory (no copy).
 *
 * Through TextEncoder, not Buffer.from(text) or hash.update(text): a long text built by JSON.stringify or
 * by joining pieces (a 312-area month's 18 MB of canonical indicators, its 7 MB indicators.json) was
 * encoded three to four times faster this way on Node 20 (measured: 160 → 40 ms for the canonical
 * indicators' hash, 29 → 6 ms for indicators.json). The bytes are the same.
 */
const encoder = new TextEncoder();

export function utf8(text: string): Buffer {
  const bytes = encoder.encode(text);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
