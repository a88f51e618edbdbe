/**
 * Reads one file of an incident source with `format: aggregated-csv` (spec/inputs.md): pre-counted
 * statistics such as Brå's anmälda brott per kommun and month. Columns `period`, `category`, `count`
 * and optionally `area` (after the source's `columns` rename map). Rules in the spec's order:
 * blank/total row → `ignore` list → `column_count` → `bad_encoding` → `missing_field` → `bad_date`
 * (a quarter or a year says it cannot be split into months) → `future_date` → `bad_number:count` →
 * `unknown_category` → `unknown_area`. Rows carry no id: counts are summed as they are.
 *
 * A row without an area counts in `kommun` only: it goes to "okänt område" (which the kommun sum
 * includes) and makes the source `arealess`, so aggregation shows its categories' area cells as
 * unavailable, never as a partial sum.
 */
import type { Config } from "../../config/load-config.ts";
import type { IncidentSourceConfig } from "../../config/schema.ts";
import { UNKNOWN_AREA } from "../area-resolver.ts";
import { utf8Chunks, type BadBytes, type Encoding } from "../text/decode-bytes.ts";
import type { IncidentAccumulator } from "../incident-accumulator.ts";
import { incidentCsvMessages as msg } from "./incident-csv-messages.ts";
import { parseNonNegativeInteger } from "../../core/parse-number.ts";
import { parsePeriod } from "../text/parse-period.ts";
import { findColumns, openCsv, type CsvRow } from "../text/parse-swedish-csv.ts";
import { parseLocalTimestamp } from "../../core/parse-time.ts";
import { daysInMonth } from "../../core/month.ts";
import type { QuarantineWriter } from "../quarantine.ts";
import { prepareIncidentLookups, type IncidentLookups } from "./read-incidents-csv.ts";
import { addProblem, newFileReport, noteDated, record } from "../tally.ts";
import type { FileReport } from "../../model/records.ts";
import { reasonLabel } from "../text/row-rules.ts";
import { rowPrelude } from "../text/row-prelude.ts";
import { failOnMissingColumns, missingColumns, missingMappedNote } from "../text/missing-columns.ts";
import { readIncidentSource } from "./incident-source.ts";
import type { SourceFormat } from "./source-format.ts";

export const AGGREGATED_COLUMNS = ["period", "category", "count", "area"] as const;

const quote = (s: string) => `"${s.length > 80 ? `${s.slice(0, 77)}…` : s}"`;

const periodMessages = {
  quarter: (t: string) =>
    `Perioden ${quote(t)} är ett kvartal och kan inte delas upp i månader: ta ut statistiken per månad (t.ex. 2024-03 eller mars 2024).`,
  year: (t: string) =>
    `Perioden ${quote(t)} är ett helt år och kan inte delas upp i månader: ta ut statistiken per månad (t.ex. 2024-03 eller mars 2024).`,
  invalid: (t: string) =>
    `Perioden ${quote(t)} kan inte tolkas som en månad: skriv 2024-03, 2024-3, mars 2024, 2024 mars eller 2024M03.`,
  future: (t: string) => `Perioden ${quote(t)} har inte börjat vid körningens tidpunkt (--generated-at): kontrollera perioden.`,
};

export interface ReadAggregatedCsvOptions {
  config: Config;
  source: IncidentSourceConfig;
  file: { absolute: string; path: string; sha256: string; encoding: Encoding; badBytes?: BadBytes | null };
  now: number;
  sink: IncidentAccumulator;
  quarantine?: QuarantineWriter | null;
  lookups?: IncidentLookups;
}

export interface AggregatedFileResult {
  report: FileReport;
  /** True when an accepted row had no area (no `area` column, or an empty cell). */
  arealess: boolean;
}

export async function readAggregatedCsv(opts: ReadAggregatedCsvOptions): Promise<AggregatedFileResult> {
  const { source, file, now, sink } = opts;
  const lookups = opts.lookups ?? prepareIncidentLookups(opts.config, source);
  const report = newFileReport(file.path, file.sha256, file.encoding);
  sink.beginFile(report);
  let arealess = false;

  const table = await openCsv(utf8Chunks(file.absolute, file.encoding));
  if (table === null) {
    addProblem(report, { file: file.path, line: null, reason: "missing_field:period", message: msg.blankFile() });
    return { report, arealess };
  }
  const col = findColumns(table.header, AGGREGATED_COLUMNS, source.columns);
  const required = ["period", "category", "count"];
  failOnMissingColumns(file.path, missingColumns(table.header, required, source.columns), source.columns, table.header, table.headerLine, lookups.keyPath);
  const unmapped = missingMappedNote(table.header, AGGREGATED_COLUMNS.filter((c) => !required.includes(c)), source.columns, lookups.keyPath);
  if (unmapped !== null) addProblem(report, { file: file.path, line: null, reason: "missing_column", message: unmapped });
  const width = table.header.length;
  const cell = (row: CsvRow, index: number) => (index >= 0 ? (row.cells[index] ?? "").trim() : "");

  const prelude = rowPrelude({ report, file, width, delimiter: table.delimiter, quarantine: opts.quarantine, messages: msg });
  const reject = prelude.reject;

  for await (const row of table.rows) {
    const first = prelude.start(row);
    if (typeof first !== "number") {
      // Only a rejection waits (its quarantine write): an ignored row is recorded with no await.
      const pending = prelude.settle(row, first, null);
      if (pending !== undefined) await pending;
      continue;
    }
    const periodText = cell(row, col.period);
    const period = periodText === "" ? null : parsePeriod(periodText);
    const month = period?.kind === "month" ? period.month : null;
    // A table's row stands for its whole month: a month with a row (any outcome) is covered, and only
    // such a month (spec/indicators.md "An aggregated table covers exactly the months it has rows for").
    const start = month === null ? null : parseLocalTimestamp(`${month}-01`, opts.config.timezone);
    if (month !== null && start !== null && start.instant <= now) {
      noteDated(report, month, 1);
      noteDated(report, month, daysInMonth(month));
    }
    const label = cell(row, col.category);
    const labelOutcome = label === "" ? null : lookups.labels.lookup(label);
    const structural = prelude.structural(row, first, labelOutcome?.kind === "ignored");
    if (structural !== null) {
      const pending = prelude.settle(row, structural, month);
      if (pending !== undefined) await pending;
      continue;
    }
    const countText = cell(row, col.count);
    if (period === null || labelOutcome === null || countText === "") {
      const missing = period === null ? "period" : labelOutcome === null ? "category" : "count";
      await reject(row, `missing_field:${missing}`, month, msg.missingField(missing));
      continue;
    }
    if (month === null) {
      // `month` is null exactly when the period is no month (parsePeriod's kinds).
      const kind = period.kind === "month" ? "invalid" : period.kind;
      await reject(row, "bad_date", null, periodMessages[kind](periodText));
      continue;
    }
    if (start === null || start.instant > now) {
      await reject(row, "future_date", month, periodMessages.future(periodText));
      continue;
    }
    const count = parseNonNegativeInteger(countText);
    if (count === null) {
      await reject(row, "bad_number:count", month, msg.badCount(countText));
      continue;
    }
    if (labelOutcome.kind !== "mapped") {
      // "ignored" went out with the structural rules above: only "unknown" is left.
      await reject(row, `unknown_category:${reasonLabel(label)}`, month, msg.unknownCategory(label, lookups.keyPath));
      continue;
    }
    const areaCell = cell(row, col.area);
    let area = UNKNOWN_AREA;
    if (areaCell === "") arealess = true;
    else {
      const resolved = lookups.areas.resolve(areaCell);
      if (typeof resolved !== "string") {
        await reject(row, resolved.reject, month, msg.unknownArea(areaCell, lookups.keyPath));
        continue;
      }
      area = resolved;
    }
    sink.add("", area, month, labelOutcome.id, start.instant, count);
    record(report, "accepted", null, month);
  }
  return { report, arealess };
}

/** `format: aggregated-csv`: counts per period and category; `arealess` when a file has no area column. */
export const aggregatedCsvFormat: SourceFormat<IncidentSourceConfig> = {
  reads: (source): source is IncidentSourceConfig => source.kind === "incidents" && source.format === "aggregated-csv",
  async ingest(run) {
    const { config, source } = run;
    const lookups = prepareIncidentLookups(config, source);
    let arealess = false;
    await readIncidentSource(
      run,
      async (file, sink, quarantine) => {
        const read = await readAggregatedCsv({ config, source, file, now: run.opts.now, sink, quarantine, lookups });
        arealess ||= read.arealess;
        return read.report;
      },
      () => arealess,
    );
  },
};
