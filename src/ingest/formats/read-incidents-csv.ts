/**
 * Reads one file of an incident source with `format: csv` (spec/inputs.md "Incidents"): every row
 * ends accepted (into the sink), ignored or rejected, decided by the first rule that applies, in the
 * spec's order: blank/total row → `ignore` list → `column_count` → `bad_encoding` → `missing_field`
 * → `bad_date` → `future_date` → `bad_number` → `unknown_category` → `unknown_area` → ids.
 * (`bad_encoding` has no place in the spec's list; it sits with `column_count` as a fault of the file's
 * bytes rather than of the row's content.)
 *
 * The per-row path works on the parser's arrays with column indexes, label and area lookups prepared
 * once, and no Date for a plain local timestamp.
 */
import type { Config } from "../../config/load-config.ts";
import type { IncidentSourceConfig } from "../../config/schema.ts";
import { buildAreaResolver, type AreaResolver } from "../area-resolver.ts";
import { coordinateLocator, NO_COORDINATES, type CoordinateLocator } from "../../geo/coordinate-locator.ts";
import { fileCoordinates, notePlaced } from "../text/coordinate-columns.ts";
import { utf8Chunks, type BadBytes, type Encoding } from "../text/decode-bytes.ts";
import type { IncidentSink } from "../_fast/file-aggregate.ts";
import { incidentCsvMessages as msg } from "./incident-csv-messages.ts";
import { buildLabelMap, type LabelMap } from "../text/label-map.ts";
import { parseNonNegativeInteger } from "../../core/parse-number.ts";
import { findColumns, openCsv, type CsvRow } from "../text/parse-swedish-csv.ts";
import { parseLocalTimestamp } from "../../core/parse-time.ts";
import type { QuarantineWriter } from "../quarantine.ts";
import { addProblem, newFileReport, noteDated, record } from "../tally.ts";
import type { FileReport } from "../../model/records.ts";
import type { FileRange } from "../_fast/split-file.ts";
import { reasonLabel } from "../text/row-rules.ts";
import { rowPrelude } from "../text/row-prelude.ts";
import { failOnMissingColumns, missingColumns, missingMappedNote } from "../text/missing-columns.ts";
import { sourceKeyPath } from "./source-format.ts";

export const INCIDENT_COLUMNS = ["occurred_at", "category", "id", "area", "count", "place", "description"] as const;
/** Coordinate columns a source may map by name (coordinate-columns.ts reads them). */
const MAPPABLE_COORDINATES = ["lat", "lon", "x", "y"] as const;

/** Lookups built once per source, shared by its files. */
export interface IncidentLookups {
  labels: LabelMap;
  areas: AreaResolver;
  /** Coordinates → area for rows without an area cell; null without `areas_geojson`. */
  coordinates: CoordinateLocator | null;
  /** `sources[2]`: where the user fixes a label or column. */
  keyPath: string;
}

export function prepareIncidentLookups(config: Config, source: IncidentSourceConfig): IncidentLookups {
  return {
    labels: buildLabelMap(source.categories, source.ignore),
    areas: buildAreaResolver(config.areas, source.unknown_area),
    coordinates: config.areaMap ? coordinateLocator(config.areaMap, source.crs ?? "EPSG:4326") : null,
    keyPath: sourceKeyPath(config, source),
  };
}

export interface ReadIncidentsCsvOptions {
  config: Config;
  source: IncidentSourceConfig;
  /** Absolute path to read, project-relative path to report, and the file's hash and encoding. */
  file: { absolute: string; path: string; sha256: string; encoding: Encoding; badBytes?: BadBytes | null; range?: FileRange | null; size?: number };
  /** The run's generated-at instant (epoch ms): later dates are `future_date`. */
  now: number;
  sink: IncidentSink;
  quarantine?: QuarantineWriter | null;
  lookups?: IncidentLookups;
}


export async function readIncidentsCsv(opts: ReadIncidentsCsvOptions): Promise<FileReport> {
  const { source, file, now, sink } = opts;
  const timezone = opts.config.timezone;
  const lookups = opts.lookups ?? prepareIncidentLookups(opts.config, source);
  const report = newFileReport(file.path, file.sha256, file.encoding);
  sink.beginFile(report);

  const range = file.range ?? undefined;
  const table = await openCsv(utf8Chunks(file.absolute, file.encoding, range), range !== undefined && range.start > 0 ? { firstRowLine: range.firstLine } : {});
  if (table === null) {
    addProblem(report, { file: file.path, line: null, reason: "missing_field:occurred_at", message: msg.blankFile() });
    return report;
  }
  const col = findColumns(table.header, INCIDENT_COLUMNS, source.columns);
  const required = ["occurred_at", "category"];
  failOnMissingColumns(file.path, missingColumns(table.header, required, source.columns), source.columns, table.header, table.headerLine, lookups.keyPath);
  const unmapped = missingMappedNote(table.header, [...INCIDENT_COLUMNS, ...MAPPABLE_COORDINATES].filter((c) => !required.includes(c)), source.columns, lookups.keyPath);
  if (unmapped !== null) addProblem(report, { file: file.path, line: null, reason: "missing_column", message: unmapped });
  const coords = fileCoordinates(table.header, source.columns, lookups.coordinates, lookups.keyPath);
  if (coords.note !== null) addProblem(report, { file: file.path, line: null, reason: "coordinates_unused", message: coords.note });
  const width = table.header.length;

  const prelude = rowPrelude({ report, file, width, delimiter: table.delimiter, quarantine: opts.quarantine, messages: msg });
  const reject = prelude.reject;

  // Only a sink that takes a size hint is given one, once, from the first batch.
  let unsized = sink.expectRows !== undefined;
  // Rows in the batches the parser finished them in: no await per row (issue 7 profile).
  for await (const batch of table.batches) for (const row of batch) {
    if (unsized) {
      unsized = false;
      sink.expectRows?.(expectedRows(batch, range !== undefined ? range.end - range.start : file.size));
    }
    const cells = row.cells;
    const first = prelude.start(row);
    if (typeof first !== "number") {
      // Only a rejection waits (its quarantine write): an ignored row is recorded with no await.
      const pending = prelude.settle(row, first, null);
      if (pending !== undefined) await pending;
      continue;
    }
    const occurred = col.occurred_at >= 0 ? (cells[col.occurred_at] ?? "").trim() : "";
    const time = occurred === "" ? null : parseLocalTimestamp(occurred, timezone);
    const month = time === null ? null : time.month;
    // Every dated row, whatever its outcome below, shows how far the source reaches (coverage), and
    // decides which run times a cache entry serves (its `future_date` test and its span).
    const future = time !== null && time.instant > now;
    if (time !== null) {
      sink.noteInstant?.(time.instant, future);
      if (!future) noteDated(report, time.month, time.day);
    }
    const label = col.category >= 0 ? (cells[col.category] ?? "").trim() : "";
    const labelOutcome = label === "" ? null : lookups.labels.lookup(label);
    const structural = prelude.structural(row, first, labelOutcome?.kind === "ignored");
    if (structural !== null) {
      const pending = prelude.settle(row, structural, month);
      if (pending !== undefined) await pending;
      continue;
    }
    if (occurred === "") {
      await reject(row, "missing_field:occurred_at", month, msg.missingField("occurred_at"));
      continue;
    }
    if (labelOutcome === null) {
      await reject(row, "missing_field:category", month, msg.missingField("category"));
      continue;
    }
    if (time === null) {
      await reject(row, "bad_date", null, msg.badDate(occurred));
      continue;
    }
    if (future) {
      await reject(row, "future_date", time.month, msg.futureDate(occurred));
      continue;
    }
    let count = 1;
    const countText = col.count >= 0 ? (cells[col.count] ?? "").trim() : "";
    if (countText !== "") {
      const parsed = parseNonNegativeInteger(countText);
      if (parsed === null) {
        await reject(row, "bad_number:count", time.month, msg.badCount(countText));
        continue;
      }
      count = parsed;
    }
    const areaCell = col.area >= 0 ? (cells[col.area] ?? "") : "";
    // Coordinates place a row only when it names no area (src/geo/coordinate-locator.ts).
    const located = coords.read !== null && areaCell.trim() === "" ? coords.read(cells) : NO_COORDINATES;
    if (located.kind === "bad") {
      await reject(row, `bad_number:${located.column}`, time.month, located.message);
      continue;
    }
    if (labelOutcome.kind !== "mapped") {
      await reject(row, `unknown_category:${reasonLabel(label)}`, time.month, msg.unknownCategory(label, lookups.keyPath));
      continue;
    }
    const area = located.kind === "area" ? located.area : lookups.areas.resolve(areaCell);
    if (typeof area !== "string") {
      await reject(row, area.reject, time.month, msg.unknownArea(areaCell.trim(), lookups.keyPath));
      continue;
    }
    const id = col.id >= 0 ? (cells[col.id] ?? "").trim() : "";
    const placed = located.kind === "area" ? 1 : located.kind === "outside" ? 2 : 0;
    const outcome = sink.add(id, area, time.month, labelOutcome.id, time.instant, count, placed);
    if (outcome === "accepted") {
      record(report, "accepted", null, time.month);
      notePlaced(report, located);
    } else if (outcome === "duplicate") record(report, "ignored", "duplicate", time.month);
    else await reject(row, "duplicate_id", time.month, msg.duplicateId(id));
  }
  return report;
}

/**
 * Rows in `bytes` of the file, judged by the first batch's row length, with a tenth to spare; 0 when
 * unknown. Capped at one row per 16 bytes (a dated, labelled row with an id is longer) and 64 M: a
 * hint must never ask for more memory than the file could need.
 */
function expectedRows(batch: readonly CsvRow[], bytes: number | undefined): number {
  if (bytes === undefined || batch.length === 0) return 0;
  let chars = 0;
  for (const row of batch) for (const cell of row.cells) chars += cell.length + 1;
  const estimate = Math.ceil((bytes / ((chars + batch.length) / batch.length)) * 1.1);
  return Math.min(estimate, Math.ceil(bytes / 16), 2 ** 26);
}
