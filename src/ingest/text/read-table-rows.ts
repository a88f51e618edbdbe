/**
 * The shared row loop of the survey, field-report and actions readers (spec/inputs.md): opens a CSV
 * the way exports really arrive, reports missing required columns once per file, and settles the
 * structural rules that come first in the spec's order (blank / total row → `column_count` →
 * `bad_encoding`, through the incident readers' row prelude) before handing each row to the reader's own
 * rules. Every row is counted exactly once through `record`, and every rejected row goes to the
 * quarantine, scrubbed there.
 */
import { utf8Chunks, type Encoding } from "./decode-bytes.ts";
import { findColumns, headerKey, openCsv } from "./parse-swedish-csv.ts";
import type { QuarantineWriter } from "../quarantine.ts";
import { addProblem, newFileReport, record } from "../tally.ts";
import type { FileReport } from "../../model/records.ts";
import type { IgnoreCode, RejectReason } from "../../model/reason-codes.ts";
import { reasonLabel } from "./row-rules.ts";
import { rowPrelude, unreadableRowMessages, type PreludeMessages } from "./row-prelude.ts";
import { failOnMissingColumns, missingColumns, missingMappedNote } from "./missing-columns.ts";

export interface TableFile {
  absolute: string;
  /** Project-relative path, as reported. */
  path: string;
  sha256: string;
  encoding: Encoding;
}

/** What a reader decides about one row. `month` is the row's month, or null when it has no usable date. */
export type RowDecision =
  | { outcome: "accepted"; month: string | null }
  | { outcome: "ignored"; reason: IgnoreCode; month: string | null }
  | { outcome: "rejected"; reason: RejectReason; month: string | null; message: string };

export interface TableRow<C extends string> {
  line: number;
  /** The trimmed cell of a canonical column ("" when the column is absent). */
  get(name: C): string;
  /** Every cell with its header key, for readers with open-ended columns (`obs_*`, survey questions). */
  cells: readonly string[];
}

export interface ReadTableOptions<C extends string> {
  file: TableFile;
  columns: readonly C[];
  required: readonly C[];
  rename?: Readonly<Record<string, string>>;
  /** `sources[i]`, for the advice in a missing-column message. */
  keyPath: string;
  quarantine?: QuarantineWriter | null;
  /** Called once with the header keys (headerKey of each header cell) before the first row. */
  onHeader?: (keys: readonly string[], report: FileReport) => void;
  decide: (row: TableRow<C>) => RowDecision | Promise<RowDecision>;
}

const quote = (s: string) => `"${s.length > 80 ? `${s.slice(0, 77)}…` : s}"`;

/**
 * The table readers' wording of the prelude's rejections: the incident readers' words for an unreadable
 * and a shifted row; a wrongly encoded row names no byte offsets (a table file is not handed the
 * encoding sniffer's BadBytes), and only asks for UTF-8, as these readers always have.
 */
const TABLE_MESSAGES: PreludeMessages = {
  ...unreadableRowMessages,
  badEncoding: () => "Raden innehåller styrtecken (U+0080–U+009F), troligen fel teckenkodning: spara om filen som UTF-8.",
};

export async function readTableRows<C extends string>(opts: ReadTableOptions<C>): Promise<FileReport> {
  const { file } = opts;
  const report = newFileReport(file.path, file.sha256, file.encoding);
  const table = await openCsv(utf8Chunks(file.absolute, file.encoding));
  if (table === null) {
    const reason = `missing_field:${opts.required[0] ?? "header"}`;
    addProblem(report, { file: file.path, line: null, reason, message: "Filen är tom (ingen rubrikrad): kontrollera exporten." });
    return report;
  }
  const col = findColumns(table.header, opts.columns, opts.rename);
  failOnMissingColumns(file.path, missingColumns(table.header, opts.required, opts.rename), opts.rename, table.header, table.headerLine, opts.keyPath);
  const unmapped = missingMappedNote(table.header, opts.columns.filter((c) => !opts.required.includes(c)), opts.rename, opts.keyPath);
  if (unmapped !== null) addProblem(report, { file: file.path, line: null, reason: "missing_column", message: unmapped });
  opts.onHeader?.(table.header.map(headerKey), report);

  const prelude = rowPrelude({ report, file, width: table.header.length, delimiter: table.delimiter, quarantine: opts.quarantine, messages: TABLE_MESSAGES });

  for await (const row of table.rows) {
    // The structural rules come first and need no month: their rows are counted in no month.
    const first = prelude.start(row);
    const verdict = typeof first === "number" ? prelude.structural(row, first, false) : first;
    if (verdict !== null) {
      await prelude.settle(row, verdict, null);
      continue;
    }
    const cells = row.cells;
    const decision = await opts.decide({
      line: row.line,
      cells,
      get: (name: C) => (col[name] >= 0 ? (cells[col[name]] ?? "").trim() : ""),
    });
    if (decision.outcome === "accepted") record(report, "accepted", null, decision.month);
    else if (decision.outcome === "ignored") record(report, "ignored", decision.reason, decision.month);
    else await prelude.reject(row, decision.reason, decision.month, decision.message);
  }
  return report;
}

export { quote, reasonLabel };
