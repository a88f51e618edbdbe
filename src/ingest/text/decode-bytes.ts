/**
 * Per-file character encoding (spec/inputs.md "Reading files the way they really arrive"): a BOM
 * decides UTF-8 or UTF-16 (Excel's "Unicode text"); otherwise the file is UTF-8 when every byte
 * sequence is valid UTF-8, else Windows-1252 (Excel's "CSV" on Swedish Windows).
 *
 * Two streaming passes, so memory never grows with the file: `EncodingSniffer` watches the bytes once
 * (the caller feeds it the same chunks it hashes), then `utf8Chunks` re-reads the file and hands the
 * CSV parser UTF-8 bytes. A valid UTF-8 file is passed through untouched (the hot path).
 */
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import type { FileRange } from "../_fast/split-file.ts";
import { at } from "../../core/checked.ts";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function bomEncoding(head: Buffer): Encoding | null {
  if (head.length >= 3 && head[0] === UTF8_BOM[0] && head[1] === UTF8_BOM[1] && head[2] === UTF8_BOM[2]) return "utf-8";
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return null;
}

/** How many trailing bytes of `buf` start a UTF-8 sequence that the next chunk completes. */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = at(buf, buf.length - back);
    if (b < 0x80) return 0; // ASCII: nothing pending
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
    // continuation byte: keep looking for its lead byte
  }
  return 0;
}

/** Bytes that Windows-1252 leaves undefined (they decode to C1 control characters). */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Index of the first byte Windows-1252 leaves undefined, or -1. Five native `indexOf` scans: a
 * per-byte callback here was the largest cost of hashing a file (npm run bench profile).
 */
function firstUndefined1252(chunk: Buffer): number {
  let first = -1;
  for (const b of UNDEFINED_1252) {
    const i = chunk.indexOf(b, 0);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  return first;
}

/** Index of the first byte of `buf` where it stops being valid UTF-8 (buf is known to be invalid). */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = at(buf, i);
    const need = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (need === 0 || !isUtf8(buf.subarray(i, i + need))) return i;
    i += need;
  }
  return buf.length;
}

/** Where a file that is neither UTF-8 nor Windows-1252 goes wrong, for the `bad_encoding` message. */
export interface BadBytes {
  /** Byte offset (0-based, from the start of the file) of the first invalid UTF-8 sequence. */
  invalidUtf8At: number;
  /** Byte offset and value of the first byte Windows-1252 leaves undefined. */
  undefined1252At: number;
  byte: number;
}

/** Decides a file's encoding from its bytes, fed in order, chunk by chunk. */
export class EncodingSniffer {
  private head: Buffer = Buffer.alloc(0);
  private decided: Encoding | null = null;
  private carry: Buffer = Buffer.alloc(0);
  private valid = true;
  /** Bytes seen before the current chunk. */
  private offset = 0;
  private invalidUtf8At: number | null = null;
  private undefined1252: { at: number; byte: number } | null = null;

  /**
   * Null unless the file is not UTF-8 and holds a byte Windows-1252 leaves undefined: then it is
   * neither encoding, and these offsets say where to look (call after the last chunk).
   */
  badBytes(): BadBytes | null {
    if (this.result() !== "windows-1252" || this.undefined1252 === null) return null;
    return { invalidUtf8At: this.invalidUtf8At ?? this.offset - this.carry.length, undefined1252At: this.undefined1252.at, byte: this.undefined1252.byte };
  }

  update(chunk: Buffer): void {
    const start = this.offset;
    this.offset += chunk.length;
    if (this.undefined1252 === null && this.decided !== "utf-16le" && this.decided !== "utf-16be") {
      const i = firstUndefined1252(chunk);
      if (i >= 0) this.undefined1252 = { at: start + i, byte: at(chunk, i) };
    }
    if (this.decided !== null && this.decided !== "utf-8") return;
    if (this.head.length < 3) {
      // The BOM may be split over the first chunks of a tiny read.
      this.head = Buffer.concat([this.head, chunk.subarray(0, 3 - this.head.length)]);
      if (this.head.length >= 3 || bomEncoding(this.head) === "utf-16le" || bomEncoding(this.head) === "utf-16be") {
        this.decided = bomEncoding(this.head);
      }
    }
    if (this.decided !== null || !this.valid) return;
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const tail = incompleteTail(bytes);
    this.carry = Buffer.from(bytes.subarray(bytes.length - tail));
    if (!isUtf8(bytes.subarray(0, bytes.length - tail))) {
      this.valid = false;
      this.invalidUtf8At = start - (bytes.length - chunk.length) + firstInvalidUtf8(bytes.subarray(0, bytes.length - tail));
    }
  }

  /** Call after the last chunk. */
  result(): Encoding {
    if (this.decided !== null) return this.decided;
    const bom = bomEncoding(this.head);
    if (bom !== null) return bom;
    // A sequence cut off by the end of the file is invalid UTF-8.
    return this.valid && this.carry.length === 0 ? "utf-8" : "windows-1252";
  }
}

/** One pass over a file to find its encoding (when the caller does not hash it anyway). */
export async function detectEncoding(path: string): Promise<Encoding> {
  const sniffer = new EncodingSniffer();
  for await (const chunk of byteChunks(createReadStream(path, { highWaterMark: 1 << 18 }))) sniffer.update(chunk);
  return sniffer.result();
}

/**
 * The file's text as UTF-8 bytes without a BOM, chunk by chunk. Windows-1252 is single-byte, so its
 * chunks decode independently (windows1252ToUtf8); UTF-16 goes through a streaming TextDecoder, which also drops the BOM
 * and keeps a surrogate pair split across chunks intact.
 */
export async function* utf8Chunks(path: string, encoding: Encoding, range?: FileRange): AsyncGenerator<Buffer> {
  if (range !== undefined && range.start > 0) {
    // A later range of a split file (split-file.ts): the header's bytes, then the range's own.
    yield* utf8Chunks(path, encoding, { ...range, start: 0, end: range.headerEnd });
    yield* transcoded(createReadStream(path, { highWaterMark: 1 << 18, start: range.start, end: range.end - 1 }), encoding);
    return;
  }
  const stream = createReadStream(path, { highWaterMark: 1 << 18, ...(range !== undefined ? { end: range.end - 1 } : {}) });
  if (encoding === "utf-8") {
    let first = true;
    for await (let chunk of byteChunks(stream)) {
      if (first) {
        first = false;
        if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      yield chunk;
    }
    return;
  }
  if (encoding === "windows-1252") {
    yield* transcoded(stream, encoding);
    return;
  }
  const decoder = new TextDecoder(encoding);
  for await (const raw of byteChunks(stream)) {
    const text = decoder.decode(raw, { stream: true });
    if (text.length > 0) yield Buffer.from(text, "utf8");
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield Buffer.from(rest, "utf8");
}

/** The bytes of a stream inside a file (no BOM there) as UTF-8: only the encodings split-file.ts splits. */
async function* transcoded(stream: AsyncIterable<unknown>, encoding: Encoding): AsyncGenerator<Buffer> {
  if (encoding !== "utf-8" && encoding !== "windows-1252") throw new Error(`a ${encoding} file is never split`);
  for await (const raw of byteChunks(stream)) yield encoding === "utf-8" ? raw : windows1252ToUtf8(raw);
}

/**
 * The chunks of a file stream opened without an encoding, which are always Buffers; a string would
 * mean the stream was opened with one, a bug that must not pass for text.
 */
export async function* byteChunks(stream: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    if (!Buffer.isBuffer(chunk)) throw new TypeError("a file stream gave text, not bytes");
    yield chunk;
  }
}

/**
 * Code points of the bytes 0x80–0x9F (WHATWG index-windows-1252); the five bytes it leaves undefined
 * stay C1 controls, which the readers reject as `bad_encoding`.
 */
const C1_1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252 bytes as UTF-8, byte by byte (above 0x9F Windows-1252 is Latin-1; 0x80–0x9F go
 * through the table). Not TextDecoder: Node 20's `windows-1252` decoder drops 0x80–0x9F altogether
 * (`€`, `–`, `”` vanished from Excel exports), and decoding to a string and encoding it again cost
 * 7 % of a cold run's CPU (issue 7 profile).
 */
export function windows1252ToUtf8(bytes: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(bytes.length * 3); // € (3 bytes) is the widest
  let j = 0;
  // An indexed loop: `for…of` over the bytes went through the array iterator (issue 20 profile: 0.4 s
  // of a worker's 7 s at 1 M rows).
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0; // i < n = bytes.length; per byte, so no checked call
    if (b < 0x80) {
      out[j++] = b;
      continue;
    }
    const c = b < 0xa0 ? at(C1_1252, b - 0x80) : b;
    if (c < 0x800) {
      out[j++] = 0xc0 | (c >> 6);
      out[j++] = 0x80 | (c & 0x3f);
    } else {
      out[j++] = 0xe0 | (c >> 12);
      out[j++] = 0x80 | ((c >> 6) & 0x3f);
      out[j++] = 0x80 | (c & 0x3f);
    }
  }
  return out.subarray(0, j);
}
