/**
 * Splitting one large CSV file into byte ranges that worker threads read at the same time (issue 7:
 * "large files in byte ranges split at safe row boundaries, or per file when quoting makes that
 * unsafe"). A range is safe to read on its own only when every line break in the file ends a row:
 * so the file must hold no quote character (a quoted field may hold a line break, and whether a quote
 * opens a field depends on everything before it) and no lone CR (csv-parse and the line counter would
 * disagree about it), and be in an encoding where byte 0x0A is always a line feed (UTF-8, Windows-1252).
 * Each range after the first is read as the file's header bytes followed by its own bytes, and is told
 * the physical line its first row is on, so every problem and quarantine line keeps its true line.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { Encoding } from "./decode-bytes.ts";
import { headerLineEnd } from "./sniff-delimiter.ts";

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

/**
 * The ranges of a file, or null when it cannot be split safely (then it is read whole). Reads the
 * whole file once, counting line breaks up to each cut: cuts are the first line start at or after
 * size·k/parts.
 */
export function planRanges(absolute: string, size: number, encoding: Encoding, parts: number): FileRange[] | null {
  if (parts < 2 || (encoding !== "utf-8" && encoding !== "windows-1252")) return null;
  const fd = openSync(absolute, "r");
  try {
    const block = new Uint8Array(BLOCK);
    const headLength = readSync(fd, block, 0, BLOCK, 0);
    const lineBreak = headerLineEnd(block.subarray(0, headLength));
    if (lineBreak < 0) return null;
    const headerEnd = lineBreak + (block[lineBreak] === CR && block[lineBreak + 1] === LF ? 2 : 1);

    const ranges: FileRange[] = [];
    let start = 0;
    let firstLine = 1;
    let lines = 1; // the line the next byte is on
    let cut = Math.floor(size / parts); // the next target; a range ends after the first LF at or past it
    let previous = 0; // last byte of the previous block (a CR there may pair with this block's LF)
    for (let at = 0; at < size; ) {
      const got = readSync(fd, block, 0, Math.min(BLOCK, size - at), at);
      if (got === 0) return null; // the file shrank while being read: read it whole
      for (let i = 0; i < got; i++) {
        const b = block[i]!;
        if (b === QUOTE) return null;
        if (previous === CR && b !== LF) return null;
        previous = b;
        if (b !== LF) continue;
        lines++;
        const next = at + i + 1;
        if (next >= cut && next > headerEnd && ranges.length < parts - 1 && next < size) {
          ranges.push({ start, end: next, firstLine, headerEnd });
          start = next;
          firstLine = lines;
          cut = Math.floor((size * (ranges.length + 1)) / parts);
        }
      }
      at += got;
    }
    if (previous === CR) return null;
    ranges.push({ start, end: size, firstLine, headerEnd });
    return ranges.length > 1 ? ranges : null;
  } finally {
    closeSync(fd);
  }
}
