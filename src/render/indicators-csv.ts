/**
 * `indicators.csv`, the open-data file (spec/outputs.md): UTF-8 with BOM so Excel on Swedish Windows
 * opens it right, `;`-separated, CRLF, RFC 4180 quoting, decimal comma, ASCII minus, no thousands
 * grouping, one row per area × category. Rendered from the suppressed indicators only, so hidden cells
 * are empty here exactly as unavailable ones are.
 */
import type { IncidentEntry, Indicators } from "../aggregate/indicators-schema.ts";
import { plainNumber } from "./_decimal.ts";

export const CSV_COLUMNS = [
  "omrade_id", "omrade", "kategori_id", "kategori", "antal", "foregaende_manad", "samma_manad_ifjol",
  "forandring", "forandring_procent", "per_100k", "hittills_i_ar", "hittills_i_fjol", "senaste_12_man",
  "foregaende_12_man", "trend", "p_varde", "q_varde", "baslinje_medel", "baslinje_ar", "matt", "undertryckt",
] as const;

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
  return [
    areaId,
    textCell(areaName),
    e.category,
    textCell(e.name),
    num(e.month.count),
    num(e.month.previous_month),
    num(e.month.same_month_last_year),
    num(e.month.change_abs),
    num(e.month.change_pct),
    num(e.month.per_100k),
    num(e.ytd.count),
    num(e.ytd.last_year),
    num(e.rolling_12m.count),
    num(e.rolling_12m.previous),
    e.trend?.verdict ?? "",
    num(e.trend?.p_value ?? null),
    num(e.trend?.q_value ?? null),
    num(e.trend?.baseline_mean ?? null),
    num(e.trend?.baseline_years ?? null),
    // The measure (spec/cli.md "Measures"): a spreadsheet user must never add rows of different measures.
    e.measure,
    e.suppressed || e.month.count_suppressed === true ? "ja" : "nej",
  ];
}

/** The whole file as bytes, header first, every line (the last included) ending in CRLF. */
export function renderIndicatorsCsv(ind: Indicators): Buffer {
  const lines: string[][] = [[...CSV_COLUMNS]];
  for (const area of ind.areas) {
    for (const entry of area.incidents) lines.push(row(area.id, area.name, entry));
  }
  const text = lines.map((cells) => cells.map(field).join(";") + CRLF).join("");
  return Buffer.from(BOM + text, "utf8");
}
