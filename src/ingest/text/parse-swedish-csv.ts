/**
 * CSV as Swedish exports really arrive (spec/inputs.md "Reading files the way they really arrive"):
 * the delimiter sniffed from the header line, quoted fields with delimiters, quotes and newlines, CRLF
 * or LF, and rows as arrays with the physical line they start on.
 *
 * csv-parse's own line counter counts a CRLF inside a quoted field twice, so lines are tracked here:
 * a row starts one line after the previous row's start plus the line breaks inside its cells. A line
 * with no characters at all is not a row (spec); csv-parse hands it over as `[""]` and it is skipped
 * (so is a line holding just `""`, which csv-parse reports identically: an acceptable blur).
 * Parser errors (a quote that never closes, a runaway record) never escape: they end the file with one
 * `broken` row at the line the broken record starts on.
 */
import { at } from "../../core/checked.ts";
import { parse, type Parser } from "csv-parse";
import { normaliseLabel } from "../../config/normalise-label.ts";
import { headerLineEnd, sniffDelimiter, type Delimiter } from "./sniff-delimiter.ts";
import { errorCode } from "../../core/error-facts.ts";
import { csvParseOptions, MAX_RECORD_BYTES, PlainLineSplitter, type LineEnd } from "../_fast/plain-lines.ts";

export interface CsvRow {
  /** Physical line the row starts on, 1-based. */
  line: number;
  cells: string[];
  /** Set when the parser could not split the rest of the file: a Swedish explanation. */
  broken?: string;
}

export interface CsvTable {
  delimiter: Delimiter;
  header: string[];
  headerLine: number;
  /** The rows after the header, streamed. */
  rows: AsyncGenerator<CsvRow>;
  /**
   * The same rows in the batches the parser finished them in (use one of `rows` and `batches`): the
   * hot incident reader's loop, where an await per row cost ~8 % of its time (issue 7 profile).
   */
  batches: AsyncGenerator<CsvRow[]>;
}

/** A header line longer than this is not a header: give up sniffing and parse with `,`. */
const MAX_HEADER_BYTES = 1 << 20;
/** Bytes handed to the parser at a time, so the record guard acts within a slice of the limit. */
const WRITE_SLICE = 1 << 16;

function lineBreaks(cells: string[]): number {
  let n = 0;
  for (const cell of cells) {
    if (cell.indexOf("\n") < 0 && cell.indexOf("\r") < 0) continue;
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && cell.charCodeAt(i + 1) !== 0x0a)) n++;
    }
  }
  return n;
}

function brokenMessage(error: unknown): string {
  const code = errorCode(error);
  if (code === "CSV_QUOTE_NOT_CLOSED") {
    return "ett citattecken (\") stängs aldrig, så resten av filen kunde inte delas upp i rader; rätta citattecknet i källfilen";
  }
  if (code === "CSV_MAX_RECORD_SIZE") {
    return "raden är orimligt lång (troligen ett citattecken som aldrig stängs); resten av filen lästes inte";
  }
  return `filen kunde inte tolkas som CSV härifrån (${code ?? "okänt fel"}); resten av filen lästes inte`;
}

function newParser(delimiter: Delimiter, recordDelimiter?: LineEnd): Parser {
  // Not `on_record`: csv-parse builds a context object per record for it, which made a cold run 40 % slower.
  const parser = parse(csvParseOptions(delimiter, recordDelimiter));
  // Errors are read from `parser.errored` after each synchronous write; the event must not crash.
  parser.on("error", () => {});
  return parser;
}

/**
 * The line end csv-parse will take as the record delimiter when the first line break of `prefix` ends a
 * header without quotes; null (the stream parser reads the whole file) otherwise: a quote in the header,
 * an empty first line, a lone CR, or no line end yet.
 */
function plainLineEnd(prefix: Buffer, end: number): LineEnd | null {
  if (end <= 0) return null;
  const firstBreak = Math.min(...[prefix.indexOf(0x0a), prefix.indexOf(0x0d)].filter((i) => i >= 0));
  if (firstBreak !== end || prefix.subarray(0, end).includes(0x22)) return null;
  if (prefix[end] === 0x0a) return "\n";
  return prefix[end + 1] === 0x0a ? "\r\n" : null;
}

/**
 * Opens a CSV from UTF-8 chunks: sniffs the delimiter, reads the header and returns the remaining
 * rows as a stream. Null when the file holds no header (empty, or only empty lines). `firstRowLine`:
 * the line of the first row after the header, when the chunks are a header and a later byte range.
 * `fastPath: false` reads every record with csv-parse (the fast path's equivalence test).
 */
export async function openCsv(chunks: AsyncIterable<Buffer>, opts: { firstRowLine?: number; fastPath?: boolean } = {}): Promise<CsvTable | null> {
  const source = chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let done = false;
  while (!done && headBytes < MAX_HEADER_BYTES && headerLineEnd(Buffer.concat(head)) < 0) {
    const next = await source.next();
    if (next.done) done = true;
    else {
      head.push(next.value);
      headBytes += next.value.length;
    }
  }
  const prefix = Buffer.concat(head);
  const end = headerLineEnd(prefix);
  const delimiter = sniffDelimiter(prefix.subarray(0, end < 0 ? Math.min(prefix.length, 65536) : end).toString("utf8"));

  let nextLine = 1;
  let headerSeen = false;
  let failed = false;
  let pending: CsvRow[] = [];
  const lineEnd = opts.fastPath === false ? null : plainLineEnd(prefix, end);
  // The fast path (_fast/plain-lines.ts) while it can; the stream parser from the record where it cannot.
  let splitter = lineEnd !== null ? new PlainLineSplitter(delimiter, lineEnd) : null;
  let carry: Buffer | null = null;
  // With the fast path, the parser reads nothing until it takes over, then with the line end the fast
  // path was splitting at (as csv-parse would have found it); without, it reads the whole file.
  const parser = newParser(delimiter, lineEnd ?? undefined);

  /** One record, fast path's or parser's, into `pending` with its start line. */
  const accept = (record: string[], plain: boolean) => {
    if (record.length === 1 && record[0] === "") {
      nextLine++; // an empty line: not a row, not counted
      return;
    }
    pending.push({ line: nextLine, cells: record });
    nextLine += plain ? 1 : 1 + lineBreaks(record);
    // A later range of a split file: its rows start further down than the header (split-file.ts).
    if (!headerSeen) {
      headerSeen = true;
      if (opts.firstRowLine !== undefined) nextLine = opts.firstRowLine;
    }
  };

  /** Moves every record the parser has finished into `pending`, with its start line; returns how many. */
  const drain = (): number => {
    let finished = 0;
    // Without the `columns` option every record is an array of strings; a stream's read() is typed `any`.
    for (let record: string[] | null = parser.read(); record !== null; record = parser.read()) {
      finished++;
      accept(record, false);
    }
    if (parser.errored && !failed) {
      failed = true;
      pending.push({ line: nextLine, cells: [], broken: brokenMessage(parser.errored) });
    }
    return finished;
  };
  const take = (): CsvRow[] => {
    const batch = pending;
    pending = [];
    return batch;
  };

  /**
   * csv-parse's `max_record_size` bounds one field, not a record: a line of 50 million delimiters
   * would become an array of 50 million cells. So bytes are fed in slices, and a record still open
   * after MAX_RECORD_BYTES ends the file like a runaway field does.
   */
  let sinceRecord = 0;
  const writeParser = (bytes: Buffer) => {
    for (let at = 0; at < bytes.length && !failed; at += WRITE_SLICE) {
      const slice = bytes.subarray(at, at + WRITE_SLICE);
      parser.write(slice);
      sinceRecord = drain() > 0 ? 0 : sinceRecord + slice.length;
      if (sinceRecord > MAX_RECORD_BYTES && !failed) {
        failed = true;
        pending.push({ line: nextLine, cells: [], broken: brokenMessage({ code: "CSV_MAX_RECORD_SIZE" }) });
      }
    }
  };
  const write = (bytes: Buffer) => {
    if (splitter === null) {
      writeParser(bytes);
      return;
    }
    const buf = carry !== null ? Buffer.concat([carry, bytes]) : bytes;
    const { consumed, fallBack } = splitter.split(buf, accept);
    if (fallBack) {
      carry = null;
      splitter = null; // the stream parser reads from here on
      writeParser(buf.subarray(consumed));
    } else {
      // A copy: the incomplete record must not keep the whole chunk alive.
      carry = consumed < buf.length ? Buffer.from(buf.subarray(consumed)) : null;
    }
  };
  /** After the last chunk: an unfinished last line (no line end) is the stream parser's. */
  const finish = () => {
    if (splitter !== null) {
      const rest = carry;
      carry = null;
      splitter = null;
      if (rest !== null) writeParser(rest);
    }
    if (!failed) {
      parser.end();
      drain();
    }
  };

  const feed = async function* (): AsyncGenerator<CsvRow[]> {
    try {
      if (prefix.length > 0) write(prefix);
      while (!failed && !done) {
        if (pending.length > 0) yield take();
        const next = await source.next();
        if (next.done) break;
        write(next.value);
      }
      finish();
      if (pending.length > 0) yield take();
    } finally {
      // Closes the file when the reader stops early or the parser failed.
      await source.return?.();
      parser.destroy();
    }
  };

  const batches = feed();
  const opened = await batches.next();
  if (opened.done) return null;
  // feed() yields no empty batch: the first holds at least the header row.
  const first = at(opened.value, 0);
  const rest = opened.value.slice(1);
  if (first.broken !== undefined) {
    // The header itself is broken: hand it back as the only (broken) row.
    await batches.return(undefined);
    return table(delimiter, [], first.line, (async function* () { yield [first]; })());
  }
  const after = (async function* () {
    if (rest.length > 0) yield rest;
    yield* batches;
  })();
  return table(delimiter, first.cells, first.line, after);
}

function table(delimiter: Delimiter, header: string[], headerLine: number, batches: AsyncGenerator<CsvRow[]>): CsvTable {
  const rows = (async function* () {
    for await (const batch of batches) yield* batch;
  })();
  return { delimiter, header, headerLine, rows, batches };
}

/** The key headers compare by: case-, space- and NFC-insensitive (`"Brotts typ"` = `"brottstyp"`). */
export function headerKey(name: string): string {
  return normaliseLabel(name).replace(/ /g, "");
}

/**
 * Column index of each canonical column (-1 when absent). `rename` is the source's `columns` map,
 * canonical name → header in the file (spec/cli.md: `{ occurred_at: Datum }`).
 */
export function findColumns<C extends string>(
  header: readonly string[],
  canonical: readonly C[],
  rename: Readonly<Record<string, string>> = {},
): Record<C, number> {
  const keys = header.map(headerKey);
  // Filled for every name of `canonical` on the next line before it is returned.
  const out = {} as Record<C, number>;
  for (const name of canonical) out[name] = keys.indexOf(headerKey(rename[name] ?? name));
  return out;
}
