/**
 * `indicators.csv`, the open-data file (spec/outputs.md): UTF-8 with BOM so Excel on Swedish Windows
 * opens it right, `;`-separated, CRLF, RFC 4180 quoting, decimal comma, ASCII minus, no thousands
 * grouping, one row per area × category. Rendered from the suppressed indicators only, so hidden cells
 * are empty here exactly as unavailable ones are.
 */
import type { IncidentEntry, Indicators } from "../model/indicators.ts";
import { INCIDENT_FIGURES, isMonthCount, type IncidentFigureSpec } from "../model/figures.ts";
import { plainNumber } from "../core/decimal.ts";
import { figureHiddenKind, figureValue, hiddenKindOf, MONTH_COUNT } from "./_figure-value.ts";
import { utf8 } from "../core/utf8.ts";

/**
 * The figures after `antal` that the file has a column for, in the list's order (model/figures.ts).
 * `antal` itself, the month's count, comes first with its own `undertryckt` column.
 */
const FIGURE_COLUMNS = INCIDENT_FIGURES.filter((f): f is IncidentFigureSpec & { csv: string } => f.csv !== null && !isMonthCount(f));

export const CSV_COLUMNS: readonly string[] = [
  "omrade_id", "omrade", "kategori_id", "kategori", "antal", ...FIGURE_COLUMNS.map((f) => f.csv),
  "trend", "p_varde", "q_varde", "baslinje_medel", "baslinje_ar", "matt", "undertryckt", "dolda",
];

/** `undertryckt` and the values of `dolda` (spec/outputs.md): ASCII, as the column names. */
const KIND_WORD = { small: "litet", protects: "doljs" } as const;
type Kind = keyof typeof KIND_WORD;

export const BOM = "\ufeff";
export const CRLF = "\r\n";

/** RFC 4180: a field with the separator, a quote or a line break is quoted, quotes doubled. */
export function field(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV formula injection (OWASP "CSV Injection"): Excel runs a cell starting with `=`, `+`, `-`, `@`,
 * tab or carriage return as a formula, so a name from the config such as `=HYPERLINK(…)` gets a
 * leading `'`, which Excel shows as plain text. Only the free-text name columns: ids are slugs and
 * numbers (an ASCII minus included) must stay numbers.
 */
export function textCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A number with a decimal comma and ASCII minus; `null` (hidden or unavailable) is an empty cell. */
export function num(value: number | null): string {
  return value === null ? "" : plainNumber(value).replace(".", ",");
}

function row(areaId: string, areaName: string, e: IncidentEntry): string[] {
  const t = e.trend;
  // The same reading of the flags as the page's table (_figure-value.ts).
  const countKind = figureHiddenKind(e, MONTH_COUNT);
  const trendKind = hiddenKindOf(e.trend_suppressed) ?? (t === null ? countKind : undefined);
  // Each CSV column after `antal`, its value and its hidden kind: a hidden cell is empty and named in
  // `dolda`, an unavailable cell is empty and not named.
  // With the whole trend hidden its figures are hidden too, as derived figures ("doljs").
  // The trend's fields by name: its `<figure>_suppressed` flags are read as published.
  const trendFields: Readonly<Record<string, unknown>> | null = t;
  const trendFigure = (key: "p_value" | "q_value" | "baseline_mean") =>
    ({ v: t?.[key] ?? null, kind: trendKind ? "protects" as const : hiddenKindOf(trendFields?.[`${key}_suppressed`]) });
  const cols = FIGURE_COLUMNS.map((f): [string, { v: number | null; kind: Kind | undefined }] => [f.csv, { v: figureValue(e, f), kind: figureHiddenKind(e, f) }]);
  const trendCols: Array<[string, { v: number | null; kind: Kind | undefined }]> = [
    ["p_varde", trendFigure("p_value")],
    ["q_varde", trendFigure("q_value")],
    ["baslinje_medel", trendFigure("baseline_mean")],
    ["baslinje_ar", { v: t?.baseline_years ?? null, kind: trendKind ? "protects" : undefined }],
  ];
  const hidden = [...cols, ["trend", { v: null, kind: trendKind }] as const, ...trendCols]
    .flatMap(([name, c]) => (c.kind === undefined ? [] : [`${name}=${KIND_WORD[c.kind]}`]));
  return [
    areaId,
    textCell(areaName),
    e.category,
    textCell(e.name),
    num(e.month.count),
    ...cols.map(([, c]) => num(c.v)),
    t?.verdict ?? "",
    ...trendCols.map(([, c]) => num(c.v)),
    // The measure (spec/cli.md "Measures"): a spreadsheet user must never add rows of different measures.
    e.measure,
    countKind ? KIND_WORD[countKind] : "nej",
    hidden.join(","),
  ];
}

/** The whole file as bytes, header first, every line (the last included) ending in CRLF. */
export function renderIndicatorsCsv(ind: Indicators): Buffer {
  const lines: string[][] = [[...CSV_COLUMNS]];
  for (const area of ind.areas) {
    for (const entry of area.incidents) lines.push(row(area.id, area.name, entry));
  }
  const text = lines.map((cells) => cells.map(field).join(";") + CRLF).join("");
  return utf8(BOM + text);
}
