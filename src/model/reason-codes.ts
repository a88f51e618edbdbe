/**
 * Every reason a row is ignored or rejected, in one place (issue 17: `"column_count"` was an untyped
 * string in nine places, and a typo in one would have published a new code). The codes are stable:
 * run.json, indicators.json and `validate` print them and other tools read them (spec/inputs.md).
 * Their Swedish words live with each surface (render/wording.ts, cli/summary.ts).
 */

/** Rejection codes of spec/inputs.md, plus `bad_period` (a reference table's period, read-reference.ts). */
export const REJECT_CODES = [
  "missing_field",
  "bad_date",
  "bad_number",
  "unknown_category",
  "unknown_area",
  "duplicate_id",
  "future_date",
  "bad_encoding",
  "column_count",
  "unknown_role",
  "unknown_status",
  "unknown_activity",
  "unknown_indicator",
  "bad_period",
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

/**
 * A rejection as counted: a code, or a code with the column or label it concerns
 * (`missing_field:occurred_at`, `bad_number:count`, `unknown_category:Vapenbrott`).
 */
export type RejectReason = RejectCode | `${RejectCode}:${string}`;

/**
 * Ignore codes: spec/inputs.md's (`ignore_list`, `other_kommun`, `summary_event`, `duplicate`,
 * `superseded`, `blank`, `total_row`) and the ones of the survey, population and reference readers
 * (`suppressed_at_source`, `missing_value`, `other_region`, `other_category`, `other_group`).
 */
export const IGNORE_CODES = [
  "ignore_list",
  "other_kommun",
  "summary_event",
  "duplicate",
  "superseded",
  "blank",
  "total_row",
  "suppressed_at_source",
  "missing_value",
  "other_region",
  "other_category",
  "other_group",
] as const;
export type IgnoreCode = (typeof IGNORE_CODES)[number];

/** The reason a row was not accepted: an ignore code or a rejection. */
export type RowReason = IgnoreCode | RejectReason;

/** Notes on a whole file (`line: null`) that are not rows: a mapped column it lacks, coordinates it cannot use. */
export type FileNoteCode = "missing_column" | "coordinates_unused";

/** The code of a reason without its value: `unknown_category:Vapenbrott` → `unknown_category`. */
export function reasonCode(reason: string): string {
  const colon = reason.indexOf(":");
  return colon < 0 ? reason : reason.slice(0, colon);
}

/**
 * Reason codes as published. In `run.json` and `indicators.json` a reason carries no row value except a
 * category label (spec/inputs.md): `unknown_area:Storgatan 3` may hold an address, so it becomes
 * `unknown_area`; `unknown_category:Vapenbrott` stays as it is.
 */
export function publishableReason(reason: string): string {
  const colon = reason.indexOf(":");
  if (colon < 0) return reason;
  const code = reason.slice(0, colon);
  // A "label" that is a street address (a shifted or mis-mapped column) is withheld like an area cell.
  if (code === "unknown_category" && STREET_ADDRESS.test(reason.slice(colon + 1))) return `${code}:[borttaget]`;
  if (code === "unknown_category" || code === "missing_field" || code === "bad_number") return reason;
  return code;
}

/** "Storgatan 12B", "Kungsvägen 3", "Lilla torget 1": a street word followed by a house number. */
const STREET_ADDRESS = /\p{L}*(gatan|gata|vägen|väg|gränd|gränden|torget|torg|stigen|allén|backen|platsen|leden|plan|kajen|stranden|esplanaden)\s*\d{1,4}\s?\p{L}?\b/iu;

/** Sums reason counts after making each reason publishable, keys sorted for stable output. */
export function publishableReasons(byReason: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [reason, n] of Object.entries(byReason)) {
    const key = publishableReason(reason);
    out[key] = (out[key] ?? 0) + n;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
