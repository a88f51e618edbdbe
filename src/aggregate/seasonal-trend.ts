/**
 * The trend test of spec/indicators.md "Trend test: real change or noise?": is this month's count out of
 * line with the same season in earlier years? Crime has seasons, so comparing with the 12 months just
 * before flags every summer and every January; the baseline is the same month and its two neighbours in
 * up to three earlier years, weighted by days so that February is not "low".
 *
 * This module tests one cell; the false-alarm control across the month's many cells (Benjamini–Hochberg,
 * false-discovery.ts) and the final verdict (`trendVerdict`) follow once every cell has its p-value.
 */
import { addMonths, monthIndex } from "../core/month.ts";
import { binomialTails } from "./binomial-trend.ts";
import type { Verdict } from "./indicators-schema.ts";

/** N(t), or null when month t is not available for this cell. */
export type CountOf = (month: string) => number | null;

/** The level a q-value must stay below for a verdict other than "normal". */
export const TREND_LEVEL = 0.05;
/** Up to this many earlier years form the baseline. */
export const MAX_BASELINE_YEARS = 3;

/** One cell's test before the month's multiple-testing adjustment. */
export interface SeasonalTest {
  /** N(m). */
  x: number;
  /** J, the years in the baseline; null when not even one year of baseline months is available. */
  years: number | null;
  /** S = Σ N over the baseline months (0 when `years` is null). */
  sum: number;
  /** S / 3J, exact (the effect-size rule uses it unrounded). */
  mean: number | null;
  /** The two-sided p-value, unrounded; null when insufficient history or x + S = 0 (not tested). */
  p: number | null;
}

/** Days in a `YYYY-MM` month (Gregorian). */
export function daysInMonth(month: string): number {
  const index = monthIndex(month);
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  if (m === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * B(J) = { m − 12j + d : j = 1..J, d ∈ {−1, 0, +1} }, oldest first.
 *
 * @example baselineMonths("2024-03", 1) // ["2023-02", "2023-03", "2023-04"]
 */
export function baselineMonths(month: string, years: number): string[] {
  const out: string[] = [];
  for (let j = years; j >= 1; j--) for (const d of [-1, 0, 1]) out.push(addMonths(month, -12 * j + d));
  return out;
}

/** J (the largest of 3, 2, 1 whose 3J months are all available) and S, or null when none is. */
export function seasonalBaseline(month: string, N: CountOf): { years: number; sum: number; months: string[] } | null {
  for (let years = MAX_BASELINE_YEARS; years >= 1; years--) {
    const months = baselineMonths(month, years);
    let sum = 0;
    let complete = true;
    for (const t of months) {
      const v = N(t);
      if (v === null) {
        complete = false;
        break;
      }
      sum += v;
    }
    if (complete) return { years, sum, months };
  }
  return null;
}

/** The month's share of the exposure in days: d(m) / (d(m) + Σ d(b)). */
function exposureShare(month: string, baseline: ReadonlyArray<string>): number {
  const dm = daysInMonth(month);
  let db = 0;
  for (const t of baseline) db += daysInMonth(t);
  return dm / (dm + db);
}

/** p = min(1, 2·min(P(X ≥ x), P(X ≤ x))) for X ~ Bin(x + S, share). */
function twoSidedP(x: number, sum: number, share: number): number {
  const { pUp, pDown } = binomialTails(x, x + sum, share);
  return Math.min(1, 2 * Math.min(pUp, pDown));
}

/** The test of one cell with N(m) = x. */
export function seasonalTest(x: number, month: string, N: CountOf): SeasonalTest {
  const baseline = seasonalBaseline(month, N);
  if (baseline === null) return { x, years: null, sum: 0, mean: null, p: null };
  const mean = baseline.sum / (3 * baseline.years);
  if (x + baseline.sum === 0) return { x, years: baseline.years, sum: 0, mean, p: null };
  return { x, years: baseline.years, sum: baseline.sum, mean, p: twoSidedP(x, baseline.sum, exposureShare(month, baseline.months)) };
}

/**
 * A change must be large enough to matter, not only unlikely: |x − mean| ≥ max(3, 0.2 · mean).
 * Wheeler's point about percent changes on small bases: 2 → 4 is +100 % and means nothing.
 */
export function isMaterial(x: number, mean: number): boolean {
  return Math.abs(x - mean) >= Math.max(3, 0.2 * mean);
}

/** The verdict of a tested cell from its q-value (spec: q < 0.05 and a material change). */
export function trendVerdict(test: SeasonalTest, q: number | null): Verdict {
  if (test.years === null || test.mean === null) return "insufficient_history";
  if (q === null || q >= TREND_LEVEL || !isMaterial(test.x, test.mean)) return "normal";
  return test.x > test.mean ? "increase" : "decrease";
}

/** Whether count x would be flagged by one test at level 0.05 (before the month's adjustment). */
function flagged(x: number, sum: number, mean: number, share: number): boolean {
  if (!isMaterial(x, mean) || x + sum === 0) return false;
  return twoSidedP(x, sum, share) < TREND_LEVEL;
}

/**
 * The counts judged "within normal variation" for month t against its season: every x in [low, high]
 * gets a "normal" verdict even from a single test at level 0.05, and the month's adjustment only makes
 * a verdict harder to reach, so a count inside the band is never flagged. For the charts' band.
 *
 * @returns the band and the baseline months it rests on; null when t has no baseline (too short a history)
 */
export function normalBand(month: string, N: CountOf): { low: number; high: number; baseline: string[] } | null {
  const baseline = seasonalBaseline(month, N);
  if (baseline === null) return null;
  const { sum, years, months } = baseline;
  const mean = sum / (3 * years);
  const share = exposureShare(month, months);
  // Above the mean, flagged(x) is monotone in x (both the p-value and the size rule only get stronger):
  // find the first flagged count by doubling, then bisect.
  let lo = Math.floor(mean); // not flagged: |x − mean| < 1 < 3
  let hi = Math.max(lo + 1, Math.ceil(mean + Math.max(3, 0.2 * mean)));
  while (!flagged(hi, sum, mean, share)) {
    lo = hi;
    hi = 2 * hi + 1;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (flagged(mid, sum, mean, share)) hi = mid;
    else lo = mid;
  }
  const high = hi - 1;
  // Below the mean the same holds downwards; 0 may itself be normal.
  let low = 0;
  if (flagged(0, sum, mean, share)) {
    let a = 0; // flagged
    let b = Math.ceil(mean); // not flagged
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (flagged(mid, sum, mean, share)) a = mid;
      else b = mid;
    }
    low = b;
  }
  return { low, high, baseline: months };
}
