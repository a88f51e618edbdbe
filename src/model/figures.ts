/**
 * The figures of one incident entry (spec/indicators.md "Incident figures"), one row each: where it sits
 * in `indicators.json`, which months it covers, whether it is a count or derived from counts (and from
 * which), its column in `indicators.csv` and its column in the report's tables. The CSV writer
 * (render/indicators-csv.ts), the tables (render/incident-table.ts) and the suppression
 * (aggregate/suppress.ts: which decision of the plan hides a count, which counts hide a derived figure)
 * loop over this list, so a new figure is its calculation (aggregate/incident-figures.ts), its schema
 * field (indicators.ts) and a row here. It sits in model/, below both aggregate and render, because both
 * read it.
 */
import type { IncidentEntry } from "./indicators.ts";

/** The groups of an entry's figures, as in `indicators.json`. */
export type FigureGroup = "month" | "ytd" | "rolling_12m";

/** The report tables' column of a figure; render/incident-table.ts words each. */
export type TableColumn = "month" | "lastYear" | "changeAbs" | "changePct" | "ytd" | "ytdLastYear" | "rolling" | "per100k";

/**
 * What a count sums, for the suppression plan: one month's count N(m + shift) ("month"), or the window
 * sum of report month m + shift ("ytd": January to that month, "rolling": its 12 months). The plan
 * decides exactly these (a monthly cell, or a year-to-date or 12-month sum), so a count is hidden with
 * the plan's decision for its span.
 */
export interface CountSpan {
  window: "month" | "ytd" | "rolling";
  /** Months from the report month m: 0, −1 (the previous month) or −12 (a year earlier). */
  shift: number;
}

export interface IncidentFigureSpec {
  group: FigureGroup;
  /** The field in the group: `month.count` is group "month", key "count". */
  key: string;
  /** The months it covers, relative to the report month m (spec/indicators.md). */
  window: "m" | "m-1" | "m-12" | "ytd" | "ytd last year" | "12 months" | "12 months before";
  /**
   * The counts of its group it is computed from, the base last (a percentage against a zero base is
   * "ej beräkningsbar"); empty for a count itself. A derived figure is hidden with any of them.
   */
  from: readonly string[];
  /** For a count (`from` empty): what it sums; null for a derived figure. */
  count: CountSpan | null;
  /** Its column in indicators.csv; null when the file leaves it out. */
  csv: string | null;
  /** Its column in the report's tables; null when the tables leave it out. */
  table: TableColumn | null;
}

/** In the order of the CSV's and the tables' columns. */
export const INCIDENT_FIGURES: readonly IncidentFigureSpec[] = [
  { group: "month", key: "count", window: "m", from: [], count: { window: "month", shift: 0 }, csv: "antal", table: "month" },
  { group: "month", key: "previous_month", window: "m-1", from: [], count: { window: "month", shift: -1 }, csv: "foregaende_manad", table: null },
  { group: "month", key: "same_month_last_year", window: "m-12", from: [], count: { window: "month", shift: -12 }, csv: "samma_manad_ifjol", table: "lastYear" },
  { group: "month", key: "change_abs", window: "m", from: ["count", "same_month_last_year"], count: null, csv: "forandring", table: "changeAbs" },
  { group: "month", key: "change_pct", window: "m", from: ["count", "same_month_last_year"], count: null, csv: "forandring_procent", table: "changePct" },
  { group: "month", key: "per_100k", window: "m", from: ["count"], count: null, csv: "per_100k", table: null },
  { group: "ytd", key: "count", window: "ytd", from: [], count: { window: "ytd", shift: 0 }, csv: "hittills_i_ar", table: "ytd" },
  { group: "ytd", key: "last_year", window: "ytd last year", from: [], count: { window: "ytd", shift: -12 }, csv: "hittills_i_fjol", table: "ytdLastYear" },
  { group: "ytd", key: "change_abs", window: "ytd", from: ["count", "last_year"], count: null, csv: null, table: null },
  { group: "ytd", key: "change_pct", window: "ytd", from: ["count", "last_year"], count: null, csv: null, table: null },
  { group: "rolling_12m", key: "count", window: "12 months", from: [], count: { window: "rolling", shift: 0 }, csv: "senaste_12_man", table: "rolling" },
  { group: "rolling_12m", key: "previous", window: "12 months before", from: [], count: { window: "rolling", shift: -12 }, csv: "foregaende_12_man", table: null },
  { group: "rolling_12m", key: "change_abs", window: "12 months", from: ["count", "previous"], count: null, csv: null, table: null },
  { group: "rolling_12m", key: "change_pct", window: "12 months", from: ["count", "previous"], count: null, csv: null, table: null },
  { group: "rolling_12m", key: "per_100k", window: "12 months", from: ["count"], count: null, csv: null, table: "per100k" },
];


/**
 * An entry's group of figures, read by key: every group is an object of numbers and flags (the figure,
 * its `<key>_suppressed`), for the loops over this table (the suppression, the CSV writer, the tables).
 */
export function figureGroup(e: IncidentEntry, group: FigureGroup): Readonly<Record<string, unknown>> {
  return e[group];
}

/** Whether a figure is the month's count: the one whose hidden flag the entry's `suppressed` mirrors (outputs.md). */
export function isMonthCount(f: { group: FigureGroup; key: string }): boolean {
  return f.group === "month" && f.key === "count";
}
