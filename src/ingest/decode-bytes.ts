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
    const b = buf[buf.length - back]!;
    if (b < 0x80) return 0; // ASCII: nothing pending
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
    // continuation byte: keep looking for its lead byte
  }
  return 0;
}

/** Decides a file's encoding from its bytes, fed in order, chunk by chunk. */
export class EncodingSniffer {
  private head: Buffer = Buffer.alloc(0);
  private decided: Encoding | null = null;
  private carry: Buffer = Buffer.alloc(0);
  private valid = true;

  update(chunk: Buffer): void {
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
    if (!isUtf8(bytes.subarray(0, bytes.length - tail))) this.valid = false;
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
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 18 })) sniffer.update(chunk as Buffer);
  return sniffer.result();
}

/**
 * The file's text as UTF-8 bytes without a BOM, chunk by chunk. Windows-1252 is single-byte, so its
 * chunks decode independently; UTF-16 goes through a streaming TextDecoder, which also drops the BOM
 * and keeps a surrogate pair split across chunks intact.
 */
export async function* utf8Chunks(path: string, encoding: Encoding): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { highWaterMark: 1 << 18 });
  if (encoding === "utf-8") {
    let first = true;
    for await (const raw of stream) {
      let chunk = raw as Buffer;
      if (first) {
        first = false;
        if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      yield chunk;
    }
    return;
  }
  const decoder = new TextDecoder(encoding);
  for await (const raw of stream) {
    const text = decoder.decode(raw as Buffer, { stream: true });
    if (text.length > 0) yield Buffer.from(text, "utf8");
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield Buffer.from(rest, "utf8");
}
