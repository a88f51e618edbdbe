/**
 * `serie.csv` at the output root: the whole archive as one long time series for journalists and
 * analysts (issue 16 item 7): one row per month × area × category (totals included), with the machine
 * code and the Swedish label side by side, and a `status` that tells a value, a hidden value and a
 * missing one apart (in `indicators.csv` all three can be an empty cell).
 *
 * Built only from the published (suppressed) `indicators.json` of each month, read back through its
 * schema, and each row takes that month's own `month.count`: a later month's `series` may show a count
 * that the month itself hid (or a revised one), so using it would undo the month's suppression.
 *
 * Bytes exactly like `indicators.csv` (same helpers): UTF-8 with BOM, `;`, CRLF, RFC 4180 quoting,
 * decimal comma, formula-injection guard on free-text cells.
 */
import type { IncidentEntry, Indicators } from "../model/indicators.ts";
import { BOM, CRLF, field, num, textCell } from "./indicators-csv.ts";
import { figureHiddenKind, MONTH_COUNT } from "./_figure-value.ts";
import { isMeasure } from "../core/measure.ts";
import { MEASURE } from "./wording.ts";

export const SERIE_FILE = "serie.csv";

export const SERIE_COLUMNS = [
  "manad", "omrade_id", "omrade", "kategori_id", "kategori", "matt", "matt_namn", "antal", "status", "status_text",
] as const;

/** `status`: ASCII codes a program can filter on; `status_text` says the same in the report's words. */
export type SerieStatus = "varde" | "dold_litet" | "dold_skyddar" | "saknas";

/**
 * The measure's name as the report writes it (spec/cli.md "Measures"); an entry without a known measure
 * (a month published before measures existed) leaves the cell empty rather than guessing.
 */
function measureName(measure: string): string {
  return isMeasure(measure) ? MEASURE[measure].short : "";
}

function statusText(status: SerieStatus, minCount: number): string {
  switch (status) {
    case "varde":
      return "värde";
    case "dold_litet":
      return `färre än ${minCount}`;
    case "dold_skyddar":
      return "döljs";
    case "saknas":
      return "uppgift saknas";
  }
}

/**
 * Why `month.count` is empty, read as indicators.csv and the page read it (_figure-value.ts
 * figureHiddenKind: "small" or "protects"; `true` from a month published before the two kinds is small; a
 * missing flag falls back to the entry's `suppressed`), so the files name such a value alike.
 */
export function countStatus(e: IncidentEntry): SerieStatus {
  const kind = figureHiddenKind(e, MONTH_COUNT);
  if (kind === "protects") return "dold_skyddar";
  if (kind === "small") return "dold_litet";
  return e.month.count === null ? "saknas" : "varde";
}

/**
 * One row of the series before formatting: what a month's file says about one area × category. Kept
 * small so a run can remember it per month (serie-rows-cache.ts) instead of parsing every month again.
 */
export interface SerieRow {
  area_id: string;
  area: string;
  category: string;
  name: string;
  /** The entry's measure, "" when the file has none. */
  measure: string;
  /** `month.count` when shown, else null. */
  count: number | null;
  status: SerieStatus;
}

export interface SerieMonth {
  month: string;
  rows: SerieRow[];
}

/** A month's rows, areas and categories in the order its `indicators.json` has them (config order, totals last). */
export function serieMonth(ind: Indicators): SerieMonth {
  const rows: SerieRow[] = [];
  for (const area of ind.areas) {
    for (const e of area.incidents) {
      // `measure` is added to every entry by the measures change; read defensively so files from before
      // it (and this module before that schema) still give a row, with the measure left empty.
      const measure: unknown = e.measure;
      const status = countStatus(e);
      rows.push({
        area_id: area.id,
        area: area.name,
        category: e.category,
        name: e.name,
        measure: typeof measure === "string" ? measure : "",
        count: status === "varde" ? e.month.count : null,
        status,
      });
    }
  }
  return { month: ind.month, rows };
}

function cells(month: string, r: SerieRow, minCount: number): string[] {
  return [
    month,
    r.area_id,
    textCell(r.area),
    r.category,
    textCell(r.name),
    r.measure,
    measureName(r.measure),
    num(r.count),
    r.status,
    statusText(r.status, minCount),
  ];
}

/**
 * The file as bytes: header, then months oldest first, each month's rows in its own file's order.
 * `minCount` is the suppression threshold the "färre än k" text names.
 */
export function renderSerieCsv(months: ReadonlyArray<SerieMonth>, minCount: number): Buffer {
  const sorted = [...months].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const lines: string[][] = [[...SERIE_COLUMNS]];
  for (const m of sorted) for (const r of m.rows) lines.push(cells(m.month, r, minCount));
  return Buffer.from(BOM + lines.map((c) => c.map(field).join(";") + CRLF).join(""), "utf8");
}
