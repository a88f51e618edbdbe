/**
 * Swedish number and date formats for everything a reader sees ("1 234,5", "mars 2024", "2 april 2024").
 * Hand-made rather than `Intl`, because Intl's output depends on the ICU data Node was built with (small-
 * ICU builds fall back to English; versions disagree on the group separator), and the published report
 * must be byte-identical on every machine.
 */
import { roundedParts } from "../core/decimal.ts";

/** Non-breaking space: keeps "1 234" and "12 %" together on one line (and is what Swedish typesetting uses). */
export const NBSP = "\u00a0";
/** The typographic minus sign, read out as "minus" by screen readers (an ASCII hyphen is not). */
export const MINUS = "\u2212";

export const MONTH_NAMES = [
  "januari", "februari", "mars", "april", "maj", "juni",
  "juli", "augusti", "september", "oktober", "november", "december",
] as const;

/**
 * A number with `decimals` fixed decimals, rounded half away from zero, grouped by threes.
 * @example formatNumber(1234.5, 1) // "1 234,5" (U+00A0 between the groups)
 * @example formatNumber(-2.45, 1)  // "−2,5" (U+2212)
 */
export function formatNumber(value: number, decimals = 0): string {
  const { negative, int, frac } = roundedParts(value, decimals);
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, NBSP);
  return (negative ? MINUS : "") + grouped + (decimals > 0 ? `,${frac}` : "");
}

/** A signed whole-number change: "+4", "−1", "0" (a change reads better with its sign). */
export function formatSignedNumber(value: number, decimals = 0): string {
  const text = formatNumber(value, decimals);
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/**
 * A percentage change with sign and one decimal: "+26,7 %", "−2,4 %", "0,0 %". Swedish writes a space
 * before the per cent sign (Språkrådet), non-breaking so the sign never wraps alone.
 */
export function formatPercentChange(pct: number, decimals = 1): string {
  return `${formatSignedNumber(pct, decimals)}${NBSP}%`;
}

function parseYearMonth(month: string): { year: number; monthIndex: number } {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  const index = m ? Number(m[2]) - 1 : -1;
  if (!m || index < 0 || index > 11) throw new RangeError(`not a YYYY-MM month: ${month}`);
  return { year: Number(m[1]), monthIndex: index };
}

/** @example monthName("2024-03") // "mars" */
export function monthName(month: string): string {
  return MONTH_NAMES[parseYearMonth(month).monthIndex] ?? "";
}

/** @example formatMonth("2024-03") // "mars 2024" */
export function formatMonth(month: string): string {
  const { year } = parseYearMonth(month);
  return `${monthName(month)} ${year}`;
}

/** Abbreviated month for chart axes, Swedish style: "jan", "mars", "juni", "sep" (short names stay whole). */
export function formatMonthShort(month: string): string {
  const name = monthName(month);
  const short = name.length <= 4 ? name : name.slice(0, 3);
  return `${short} ${parseYearMonth(month).year}`;
}

/** @example formatMonthRange("2022-04", "2024-03") // "april 2022–mars 2024" */
export function formatMonthRange(from: string, to: string): string {
  return `${formatMonth(from)}–${formatMonth(to)}`;
}

/**
 * The calendar date as written in the timestamp (already in the config's time zone, with its offset), so
 * the reader sees the local date without any time-zone conversion here.
 * @example formatDate("2024-04-02T06:00:00+02:00") // "2 april 2024"
 */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return `${Number(m[3])} ${monthName(`${m[1]}-${m[2]}`)} ${m[1]}`;
}

/** First letter upper-case, for a month name at the start of a heading: "Mars 2024". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
