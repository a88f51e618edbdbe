/**
 * Calendar months as plain `YYYY-MM` strings and a month index (year * 12 + month - 1).
 *
 * Months are compared and shifted as integers, never through `Date`, so the arithmetic cannot be
 * bent by the machine's time zone or DST (spec/inputs.md "Time": months are calendar months in the
 * config's zone, and the conversion to that zone happens once, when a timestamp is read).
 */
export type YearMonth = string;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(value: string): boolean {
  return MONTH_RE.test(value);
}

/** `"2024-03"` → 24290 (2024 * 12 + 2). Throws on a malformed month: callers validate first. */
export function monthIndex(month: YearMonth): number {
  const m = MONTH_RE.exec(month);
  if (!m) throw new Error(`not a YYYY-MM month: ${month}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** 24290 → `"2024-03"`. */
export function monthFromIndex(index: number): YearMonth {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** `addMonths("2024-01", -1)` → `"2023-12"`. */
export function addMonths(month: YearMonth, delta: number): YearMonth {
  return monthFromIndex(monthIndex(month) + delta);
}

export function monthYear(month: YearMonth): number {
  return Number(month.slice(0, 4));
}

/** Every month from `from` to `to`, both included, oldest first. */
export function monthRange(from: YearMonth, to: YearMonth): YearMonth[] {
  const out: YearMonth[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i));
  return out;
}

/** `daysInMonth("2024-02")` → 29: the L of coverage's "day L − 2" (spec/indicators.md). */
export function daysInMonth(month: YearMonth): number {
  const i = monthIndex(month);
  const year = Math.floor(i / 12);
  return new Date(Date.UTC(year, i - year * 12 + 1, 0)).getUTCDate();
}
