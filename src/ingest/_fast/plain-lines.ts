/**
 * The CSV fast path (issue 20): most rows of a police export hold no quote character, and for those
 * csv-parse's byte-by-byte state machine, its Buffer per field and its string per field were a quarter of
 * a cold run's CPU. Such a line is split here instead: one decode of the line and a native `split` on the
 * delimiter. Every record that holds a quote is still csv-parse's, so the records are the ones the stream
 * parser gives:
 *
 * - plain line (no quote, no CR or LF but its own line end, not longer than PLAIN_MAX): split here;
 * - a record with quotes that this scanner can follow exactly as csv-parse reads well-formed CSV (a quote
 *   opens a field only at its start, `""` inside it, and the closing quote is followed by the delimiter
 *   or the line end): parsed by csv-parse (sync API, same options, the record delimiter fixed to the
 *   file's), all of a chunk's in one call;
 * - anything else (a quote inside an unquoted field, text after a closing quote, a bare LF in a CRLF file,
 *   a CR in an LF file, a record longer than PLAIN_MAX, a quote never closed, the file's last line
 *   without a line end): the splitter stops at that record's start and the caller hands the rest of the
 *   file to the stream parser, which then decides exactly as it always did.
 *
 * Only used when the file's first line break ends a header without quotes (parse-swedish-csv.ts), so
 * csv-parse would have taken that line end as the record delimiter of the whole file.
 */
import { parse as parseSync } from "csv-parse/sync";

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** A record longer than this is left to the stream parser (its record-size guard decides it). */
export const PLAIN_MAX = 1 << 16;

export type LineEnd = "\r\n" | "\n";

/** Bounds memory when a quote never closes: such a "field" would otherwise swallow the whole file. */
export const MAX_RECORD_BYTES = 1 << 20;

/**
 * csv-parse's options, one set for the stream parser and this splitter's quoted records: the fast path
 * is right only while both read a record alike. `recordDelimiter`: the line end the fast path split at
 * (csv-parse would have found the same one).
 */
export function csvParseOptions(delimiter: string, recordDelimiter?: LineEnd) {
  return {
    delimiter,
    ...(recordDelimiter !== undefined ? { record_delimiter: recordDelimiter } : {}),
    bom: false, // decode-bytes has already removed it
    relax_column_count: true, // a wrong column count is a `column_count` rejection, not an exception
    relax_quotes: true, // `5" tum` in an unquoted field is text, as Excel reads it
    max_record_size: MAX_RECORD_BYTES,
  };
}

/** What `split` did with the bytes it was given. */
export interface SplitResult {
  /** Bytes [0, consumed) became records; the rest is an incomplete record to prepend to the next bytes. */
  consumed: number;
  /** True when the stream parser must take over at `consumed` (the record there is not this splitter's). */
  fallBack: boolean;
}

export class PlainLineSplitter {
  private readonly crlf: boolean;
  private readonly delimiterByte: number;

  constructor(
    private readonly delimiter: string,
    private readonly lineEnd: LineEnd,
  ) {
    this.crlf = lineEnd === "\r\n";
    this.delimiterByte = delimiter.charCodeAt(0);
  }

  /**
   * Records of `buf` (UTF-8, starting at a record start) in file order, to `emit` (`plain`: split here,
   * so no cell holds a line break); stops before an incomplete last record, or at the first record it
   * cannot read exactly as csv-parse would.
   */
  split(buf: Buffer, emit: (cells: string[], plain: boolean) => void): SplitResult {
    const n = buf.length;
    const termLength = this.crlf ? 2 : 1;
    // Records in order; a quoted record is a null placeholder, filled after one csv-parse call over all
    // of them (a call per record cost more in option handling than the parsing: profile).
    const records: Array<string[] | null> = [];
    const quoted: Buffer[] = [];
    let firstQuotedStart = -1;
    let firstQuotedIndex = -1;
    let p = 0;
    let fallBack = false;
    // Positions of the next quote and CR at or after p (n: none): each found once, so the scan stays linear.
    let nextQuote = -1;
    let nextCr = -1;
    while (p < n) {
      const nl = buf.indexOf(LF, p);
      if (nl < 0) break; // incomplete last line
      if (nextQuote < p) nextQuote = indexOrEnd(buf, QUOTE, p);
      if (nextCr < p) nextCr = indexOrEnd(buf, CR, p);
      // Plain: no quote before the line end, and the only CR (CRLF files) right before the LF.
      const bodyEnd = this.crlf ? nl - 1 : nl;
      const plain = nextQuote > nl && (this.crlf ? nl > p && nextCr === bodyEnd : nextCr > nl) && nl - p <= PLAIN_MAX;
      if (plain) {
        records.push(buf.toString("utf8", p, bodyEnd).split(this.delimiter));
        p = nl + 1;
        continue;
      }
      const end = this.quotedRecordEnd(buf, p, termLength);
      if (end === NEED_MORE) break;
      if (end === UNSAFE) {
        fallBack = true;
        break;
      }
      if (firstQuotedStart < 0) {
        firstQuotedStart = p;
        firstQuotedIndex = records.length;
      }
      records.push(null);
      quoted.push(buf.subarray(p, end));
      p = end;
    }
    // An incomplete record longer than PLAIN_MAX will not become plain: the stream parser takes it.
    if (!fallBack && n - p > PLAIN_MAX) fallBack = true;
    const parsed = quoted.length > 0 ? this.parseQuoted(quoted) : [];
    if (parsed === null) {
      // csv-parse read them otherwise: it reads everything from the first of them.
      for (const r of records.slice(0, firstQuotedIndex)) if (r !== null) emit(r, true);
      return { consumed: firstQuotedStart, fallBack: true };
    }
    let k = 0;
    for (const r of records) {
      if (r !== null) emit(r, true);
      else {
        const cells = parsed[k++];
        if (cells === undefined) throw new Error("plain-lines: csv-parse gave fewer records than spans"); // checked in parseQuoted
        emit(cells, false);
      }
    }
    return { consumed: p, fallBack };
  }

  /**
   * Where the record starting at `p` ends (after its line end), following csv-parse's reading of
   * well-formed CSV; NEED_MORE when the bytes end first, UNSAFE when csv-parse might read it otherwise.
   */
  private quotedRecordEnd(buf: Buffer, p: number, termLength: number): number {
    const n = buf.length;
    const delimiter = this.delimiterByte;
    let i = p;
    let fieldStart = true;
    while (i < n) {
      if (i - p > PLAIN_MAX) return UNSAFE;
      const b = buf[i];
      if (fieldStart && b === QUOTE) {
        // A quoted field: up to the quote that is not doubled.
        let q = i + 1;
        for (;;) {
          q = buf.indexOf(QUOTE, q);
          if (q < 0 || q + 1 >= n) return q - p > PLAIN_MAX ? UNSAFE : NEED_MORE;
          if (buf[q + 1] === QUOTE) {
            q += 2;
            continue;
          }
          break;
        }
        const after = buf[q + 1];
        if (after === delimiter) {
          i = q + 2;
          continue;
        }
        if (this.crlf ? after === CR : after === LF) {
          if (q + 1 + termLength > n) return NEED_MORE;
          if (this.crlf && buf[q + 2] !== LF) return UNSAFE;
          return q + 1 + termLength;
        }
        return UNSAFE; // text after a closing quote
      }
      fieldStart = false;
      if (b === delimiter) {
        fieldStart = true;
      } else if (b === QUOTE) {
        return UNSAFE; // a quote inside an unquoted field: csv-parse's relax_quotes reads it as text
      } else if (b === LF) {
        if (this.crlf) return UNSAFE; // a bare LF: text inside the field for csv-parse
        return i + 1;
      } else if (b === CR) {
        if (!this.crlf) return UNSAFE;
        if (i + 1 >= n) return NEED_MORE;
        if (buf[i + 1] !== LF) return UNSAFE; // a bare CR
        return i + 2;
      }
      i++;
    }
    return NEED_MORE;
  }

  /** One record per buffer from csv-parse, or null (then the stream parser reads them) when it gives another number or fails. */
  private parseQuoted(spans: Buffer[]): string[][] | null {
    let records: string[][];
    try {
      records = parseSync(Buffer.concat(spans), csvParseOptions(this.delimiter, this.lineEnd));
    } catch {
      return null;
    }
    return records.length === spans.length ? records : null;
  }
}

const NEED_MORE = -1;
const UNSAFE = -2;

function indexOrEnd(buf: Buffer, byte: number, from: number): number {
  const i = buf.indexOf(byte, from);
  return i < 0 ? buf.length : i;
}
