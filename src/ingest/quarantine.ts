/**
 * The quarantine (spec/inputs.md: rejected rows' raw content goes to `quarantine_dir`, outside the
 * published output): one file per source, `<quarantine_dir>/<source-id>.csv`, rewritten on every run
 * so it always describes the latest run (a header only when nothing was rejected). Semicolon-separated
 * UTF-8 with a BOM so Swedish Excel opens it with å ä ö intact; columns `fil;rad;orsak;innehåll`, where
 * `innehåll` is the row's cells joined by the delimiter of its file.
 *
 * Every value is scrubbed before it is written (spec "Scrubbing": free text such as `description`
 * may hold personnummer or phone numbers, and so may an area cell holding an address).
 */
import { createReadStream, createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { scrub } from "../core/scrub.ts";
import type { QuarantinePart } from "./_fast/file-aggregate.ts";

export interface QuarantineWriter {
  /** Absolute path of the quarantine file. */
  readonly path: string;
  /** Appends one rejected row; resolves at once unless the file is behind (back-pressure). */
  write(file: string, line: number | null, reason: string, cells: readonly string[], delimiter: string): Promise<void> | void;
  close(): Promise<void>;
  /** Appends a part file of lines made by `quarantineLine` elsewhere (a worker, the cache): quarantine-part.ts. */
  appendPart?(part: QuarantinePart): Promise<void>;
}

/**
 * How much of a rejected row's content the quarantine keeps (issue 14.6): enough for an analyst to
 * find and fix the row in its file, bounded so one 1 MB cell from a broken export does not blow up the
 * quarantine, the cache copy of it or Excel's 32 767-character cell limit.
 */
export const QUARANTINE_MAX_CHARS = 10_000;

/** `text` cut to `max` characters with a marker saying how much was left out; scrubbed before the cut,
 * so the cut can never leave half an identifier readable. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  // Never split a surrogate pair: half of one is not valid UTF-8.
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? "")) end--;
  return `${text.slice(0, end)}…[avkortad: ${text.length - end} tecken till]`;
}

/** One quarantine line (with its CRLF), exactly as `write` writes it. */
export function quarantineLine(file: string, line: number | null, reason: string, cells: readonly string[], delimiter: string): string {
  const row = [file, line === null ? "" : String(line), capText(scrub(reason), 1000), capText(scrub(cells.join(delimiter)), QUARANTINE_MAX_CHARS)];
  return `${row.map(csvField).join(";")}\r\n`;
}

/** RFC 4180 quoting, after defusing a formula (`=`, `+`, `-`, `@`, tab, CR first) with a leading `'`:
 * analysts open the quarantine in Excel, and its cells are raw source text (OWASP "CSV Injection"). */
function csvField(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function quarantineFilePath(quarantineDir: string, sourceId: string): string {
  return path.join(quarantineDir, `${sourceId}.csv`);
}

/** Opens (and truncates) the quarantine file of one source. */
export function openQuarantine(quarantineDir: string, sourceId: string): QuarantineWriter {
  const file = quarantineFilePath(quarantineDir, sourceId);
  mkdirSync(quarantineDir, { recursive: true });
  const stream: WriteStream = createWriteStream(file, { flags: "w", encoding: "utf8" });
  let failure: Error | null = null;
  stream.on("error", (e) => {
    failure = e;
  });
  stream.write("\ufefffil;rad;orsak;innehåll\r\n");
  return {
    path: file,
    async appendPart(part) {
      if (part.path === null) return;
      // Streamed in chunks with back-pressure: the part may be as large as its input file.
      for await (const chunk of createReadStream(part.path, { highWaterMark: 1 << 20 })) {
        if (!stream.write(chunk)) await new Promise<void>((resolve) => { stream.once("drain", resolve); stream.once("error", () => resolve()); });
      }
    },
    write(source, line, reason, cells, delimiter) {
      if (stream.write(quarantineLine(source, line, reason, cells, delimiter))) return;
      return new Promise<void>((resolve) => {
        stream.once("drain", resolve);
        stream.once("error", () => resolve()); // reported by close()
      });
    },
    async close() {
      stream.end();
      await finished(stream).catch(() => {});
      if (failure) throw failure;
    },
  };
}
