/**
 * Numbers as Swedish exports write them (spec/inputs.md): decimal comma (`12,5`), thousands grouped
 * with a space, a non-breaking space (U+00A0) or a narrow one (U+202F), as Excel and sv-SE
 * `Intl.NumberFormat` produce (`1 234`). Only non-negative numbers are ever expected, so a sign is
 * not a number here.
 */
import { group } from "./checked.ts";
const PLAIN_INT = /^\d+$/;
const GROUPED = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[,.](\d+))?$/;

/** `parseNumber("1 234,5")` → 1234.5; `parseNumber("12 34")` → null (a bad grouping is not a number). */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (PLAIN_INT.test(t)) return Number(t);
  const m = GROUPED.exec(t);
  if (m === null) return null;
  const whole = group(m, 1).replace(/[ \u00a0\u202f]/g, "");
  return Number(m[2] === undefined ? whole : `${whole}.${m[2]}`);
}

/**
 * A non-negative integer, e.g. an incident row's `count`: `"1 234"` → 1234, `"3,0"` → 3,
 * `"12,5"` → null (half an event is not a count).
 */
export function parseNonNegativeInteger(text: string): number | null {
  const n = parseNumber(text);
  return n !== null && Number.isSafeInteger(n) ? n : null;
}
