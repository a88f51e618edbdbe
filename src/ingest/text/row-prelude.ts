/**
 * The first rules of every row of the incident CSV readers (`format: csv` and `aggregated-csv`) and of
 * the table readers' shared loop (read-table-rows.ts: survey, field reports, actions, population,
 * reference), in the spec's order (spec/inputs.md "Reading files the way they really arrive"): a row
 * the parser could not read is rejected (`column_count`), a blank row ignored; then, once the reader
 * has the row's month and its label's lookup, the structural rules (`structuralRule`: total row,
 * ignore list, shifted row, wrong encoding). One place for what every reader did line by line, each
 * with its own wording where it differs; the readers' own rules (dates, counts, labels, areas) follow.
 *
 * `start` and `structural` are synchronous and allocate nothing for a good row: `format: csv` reads
 * millions of rows through them, in batches with no await per row (issue 7).
 */
import { scrub } from "../../core/scrub.ts";
import type { FileReport } from "../../model/records.ts";
import type { IgnoreCode, RejectReason } from "../../model/reason-codes.ts";
import type { QuarantineWriter } from "../quarantine.ts";
import { addProblem, record } from "../tally.ts";
import type { BadBytes } from "./decode-bytes.ts";
import type { CsvRow } from "./parse-swedish-csv.ts";
import { firstNonEmpty, structuralRule } from "./row-rules.ts";

/** A row settled by the prelude: ignored, or rejected with its message. */
export type PreludeVerdict =
  | { outcome: "ignored"; reason: Extract<IgnoreCode, "blank" | "total_row" | "ignore_list"> }
  | { outcome: "rejected"; reason: "column_count" | "bad_encoding"; message: string };

/** The reader's wording of the prelude's rejections (its messages file). */
export interface PreludeMessages {
  broken(detail: string): string;
  columnCount(got: number, want: number): string;
  badEncoding(bad?: BadBytes | null): string;
}

/** The prelude's wording of an unreadable and a shifted row, the same in every CSV reader. */
export const unreadableRowMessages: Pick<PreludeMessages, "broken" | "columnCount"> = {
  broken: (detail) => `Raden kunde inte läsas: ${detail}.`,
  columnCount: (got, want) => `Raden har ${got} kolumner men rubrikraden har ${want}: kontrollera avgränsare och citattecken på raden.`,
};

export interface RowPreludeOptions {
  report: FileReport;
  file: { path: string; badBytes?: BadBytes | null };
  /** The header's width (a shifted row has another) and the file's delimiter (for the quarantine). */
  width: number;
  delimiter: string;
  quarantine?: QuarantineWriter | null;
  messages: PreludeMessages;
}

export interface RowPrelude {
  /** The index of the row's first non-empty cell, or the verdict on an unreadable or blank row. */
  start(row: CsvRow): number | PreludeVerdict;
  /** The verdict of the structural rules (`ignoredLabel`: the label lookup said the source ignores it); null when none applies. */
  structural(row: CsvRow, first: number, ignoredLabel: boolean): PreludeVerdict | null;
  /** Records a verdict with the row's month (null when it has no usable date). */
  settle(row: CsvRow, verdict: PreludeVerdict, month: string | null): Promise<void> | undefined;
  /** Rejects a row: counted, explained with file, line and reason, and written to the quarantine. */
  reject(row: CsvRow, reason: RejectReason, month: string | null, message: string): Promise<void>;
}

export function rowPrelude(opts: RowPreludeOptions): RowPrelude {
  const { report, file, width, messages } = opts;
  const reject = async (row: CsvRow, reason: RejectReason, month: string | null, message: string) => {
    record(report, "rejected", reason, month);
    addProblem(report, { file: file.path, line: row.line, reason, message: scrub(message) });
    await opts.quarantine?.write(file.path, row.line, reason, row.cells, opts.delimiter);
  };
  return {
    start(row) {
      if (row.broken !== undefined) return { outcome: "rejected", reason: "column_count", message: messages.broken(row.broken) };
      const first = firstNonEmpty(row.cells);
      return first < 0 ? { outcome: "ignored", reason: "blank" } : first;
    },
    structural(row, first, ignoredLabel) {
      const rule = structuralRule(row.cells, first, width, ignoredLabel);
      if (rule === null) return null;
      if (rule === "total_row" || rule === "ignore_list") return { outcome: "ignored", reason: rule };
      const message = rule === "column_count" ? messages.columnCount(row.cells.length, width) : messages.badEncoding(file.badBytes);
      return { outcome: "rejected", reason: rule, message };
    },
    settle(row, verdict, month) {
      if (verdict.outcome === "rejected") return reject(row, verdict.reason, month, verdict.message);
      record(report, "ignored", verdict.reason, month);
      return undefined;
    },
    reject,
  };
}
