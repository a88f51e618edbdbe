/**
 * Splitting one large CSV file into byte ranges that worker threads read at the same time (issue 7:
 * "large files in byte ranges split at safe row boundaries, or per file when quoting makes that
 * unsafe"). One pass over the bytes follows the quoting exactly as csv-parse reads well-formed CSV:
 * a quote opens a field only at its start, and a quoted field ends at a quote followed by the
 * delimiter or the line end ("" is a quote inside it). A cut is made only at a line end outside
 * quotes. The file is read whole instead when anything could make csv-parse and this pass disagree:
 * a quote anywhere else (csv-parse's relax_quotes reads it as text), line ends outside quotes other
 * than the header's (a bare LF in a CRLF file, any CR in an LF file), a lone CR, or an encoding in
 * which byte 0x0A is not always a line feed. Line numbers: with those line ends, every LF byte starts a new physical line,
 * inside quotes too, which is how parse-swedish-csv counts them.
 * Each range after the first is read as the file's header bytes followed by its own bytes, and is told
 * the physical line its first row is on, so every problem and quarantine line keeps its true line.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { Encoding } from "../text/decode-bytes.ts";
import { headerLineEnd, sniffDelimiter } from "../text/sniff-delimiter.ts";

/** Part of a file for one worker: bytes [start, end), the first row's line, and the header's bytes [0, headerEnd). */
export interface FileRange {
  start: number;
  end: number;
  firstLine: number;
  headerEnd: number;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BLOCK = 1 << 20;

/** How many ranges a file of `size` bytes is read in: about `target` bytes each, never below `minimum`. */
export function rangeCount(size: number, target: number, minimum: number): number {
  return Math.max(1, Math.min(Math.floor(size / Math.max(target, minimum)), 64));
}

/** The ranges of a file (scanRanges), or null when it cannot be split safely (then it is read whole). */
export function planRanges(absolute: string, size: number, encoding: Encoding, parts: number): FileRange[] | null {
  const ranges: FileRange[] = [];
  const scan = scanRanges(absolute, size, encoding, parts);
  for (let next = scan.next(); ; next = scan.next()) {
    if (next.done) return next.value && ranges.length > 1 ? ranges : null;
    ranges.push(next.value);
  }
}

/**
 * Yields a file's ranges as the one pass over its bytes finds them, so a worker starts on a range
 * while the rest is still being scanned; returns whether the file was safe to split (when false, the
 * ranges yielded so far must be discarded and the file read whole). Cuts are the first line start
 * outside quotes at or after size·k/parts.
 */
export function* scanRanges(absolute: string, size: number, encoding: Encoding, parts: number): Generator<FileRange, boolean> {
  if (parts < 2 || (encoding !== "utf-8" && encoding !== "windows-1252")) return false;
  const fd = openSync(absolute, "r");
  try {
    const block = new Uint8Array(BLOCK);
    const headLength = readSync(fd, block, 0, BLOCK, 0);
    const lineBreak = headerLineEnd(block.subarray(0, headLength));
    if (lineBreak < 0) return false;
    const crlf = block[lineBreak] === CR && block[lineBreak + 1] === LF;
    if (block[lineBreak] === CR && !crlf) return false; // CR-only line ends: never split
    const headerEnd = lineBreak + (crlf ? 2 : 1);
    const delimiter = sniffDelimiter(Buffer.from(block.buffer, 0, lineBreak).toString("latin1")).charCodeAt(0);
    let lines = 1;
    for (let i = 0; i < headerEnd; i++) if (block[i] === LF) lines++;

    let cuts = 0;
    let start = 0;
    let firstLine = 1;
    let cut = Math.max(headerEnd + 1, Math.floor(size / parts));
    // The scanner: at a field's start? inside a quoted field? just after a quote inside one?
    let fieldStart = true;
    let quoted = false;
    let quoteSeen = false;
    let previous = LF;
    for (let at = headerEnd; at < size; ) {
      const got = readSync(fd, block, 0, Math.min(BLOCK, size - at), at);
      if (got === 0) return false; // the file shrank while being read: read it whole
      for (let i = 0; i < got; i++) {
        // i < got ≤ BLOCK = block.length, so the read is defined; `?? 0` types it without a call per byte.
        const b = block[i] ?? 0;
        const before = previous;
        previous = b;
        if (b === LF) lines++;
        else if (before === CR) return false; // a lone CR: parse-swedish-csv counts it as a line, this pass does not
        if (quoted) {
          if (!quoteSeen) {
            quoteSeen = b === QUOTE; // any line break inside quotes is the field's text (Excel writes a bare LF there)
            continue;
          }
          quoteSeen = false;
          if (b === QUOTE) continue; // "" inside a quoted field
          quoted = false; // the quote before closed the field: b must end it
          if (b !== delimiter && b !== LF && b !== CR) return false;
        }
        // Outside quotes, only the header's line ends: csv-parse ends records at the kind it saw first.
        if ((b === LF && crlf !== (before === CR)) || (b === CR && !crlf)) return false;
        if (b === QUOTE) {
          if (!fieldStart) return false; // a quote inside an unquoted field: csv-parse reads it as text
          quoted = true;
          fieldStart = false;
          continue;
        }
        fieldStart = b === delimiter || b === LF || b === CR;
        if (b !== LF) continue;
        const next = at + i + 1;
        if (next >= cut && cuts < parts - 1 && next < size) {
          yield { start, end: next, firstLine, headerEnd };
          cuts++;
          start = next;
          firstLine = lines;
          cut = Math.floor((size * (cuts + 1)) / parts);
        }
      }
      at += got;
    }
    if (quoted || previous === CR) return false; // a quote never closed, or a CR ending the file
    yield { start, end: size, firstLine, headerEnd };
    return true;
  } finally {
    closeSync(fd);
  }
}
