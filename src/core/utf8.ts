/**
 * A string's UTF-8 bytes, through TextEncoder rather than Buffer.from(text) or hash.update(text): a long
 * text built by JSON.stringify or by joining pieces (a 312-area month's 18 MB of canonical indicators,
 * its 7 MB indicators.json) was encoded three to four times faster this way on Node 20 (measured: 160 →
 * 40 ms for the canonical indicators, 29 → 6 ms for indicators.json). The bytes are the same.
 */
const encoder = new TextEncoder();

/** The whole text's bytes, as a Buffer over the encoder's own memory (no copy). */
export function utf8(text: string): Buffer {
  const bytes = encoder.encode(text);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Code units encoded at a time by utf8Chunks (exported for its test). */
export const UTF8_CHUNK = 1 << 18;
/** One reused output buffer: at most 3 bytes per UTF-16 code unit. */
let scratch: Uint8Array | undefined;

/**
 * The text's bytes in pieces of at most 3 · UTF8_CHUNK, each valid only during `each` (the buffer is
 * reused), for a consumer that streams them (a hash): an 18 MB text held as one 18 MB byte array until
 * the next garbage collection raised a 312-area cold run's peak memory. A piece never ends inside a
 * surrogate pair, so the bytes are those of utf8(text).
 */
export function utf8Chunks(text: string, each: (bytes: Uint8Array) => void): void {
  scratch ??= new Uint8Array(3 * UTF8_CHUNK);
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + UTF8_CHUNK, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1; // keep a high surrogate with its low half
    const { written } = encoder.encodeInto(text.slice(start, end), scratch);
    each(scratch.subarray(0, written));
    start = end;
  }
}
