/**
 * The trend test of spec/indicators.md "Trend test: real change or noise?": is this month's count out of
 * line with the same season in earlier years? Crime has seasons, so comparing with the 12 months just
 * before flags every summer and every January; the baseline is the same month and its two neighbours in
 * up to three earlier years, weighted by days so that February is not "low".
 *
 * This module tests one cell; the false-alarm control across the month's many cells (Benjamini–Hochberg,
 * false-discovery.ts) and the final verdict (`trendVerdict`) follow once every cell has its p-value.
 */
import { addMonths, monthFromIndex, monthIndex } from "../core/month.ts";
import { binomialTails } from "./binomial-trend.ts";
import type { Verdict } from "../model/indicators.ts";

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

/** N at month index i (year · 12 + month − 1, core/month.ts), or null when unavailable: the form the inner loops use. */
export type CountAt = (index: number) => number | null;

/** Days in the month with index i (Gregorian), without building its `YYYY-MM` text. */
export function daysInMonthAt(index: number): number {
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  if (m === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days in a `YYYY-MM` month (Gregorian). */
export function daysInMonth(month: string): number {
  return daysInMonthAt(monthIndex(month));
}

/** N(t) on month indices, for a caller that has N on `YYYY-MM` months. */
const onIndices = (N: CountOf): CountAt => (i) => N(monthFromIndex(i));

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

/** The baseline of month index m: J, S, and the baseline's days Σ d(b) (what the exposure share needs). */
interface Baseline {
  years: number;
  sum: number;
  days: number;
}

/**
 * J (the largest of 3, 2, 1 whose 3J months are all available) and S, or null when none is. The
 * months of J years are those of J − 1 years plus three older ones, so the newest are read first and a
 * missing month decides every J that contains it.
 */
function baselineAt(m: number, N: CountAt): Baseline | null {
  let sum = 0;
  let days = 0;
  let best: Baseline | null = null;
  for (let j = 1; j <= MAX_BASELINE_YEARS; j++) {
    for (let d = -1; d <= 1; d++) {
      const v = N(m - 12 * j + d);
      if (v === null) return best;
      sum += v;
      days += daysInMonthAt(m - 12 * j + d);
    }
    best = { years: j, sum, days };
  }
  return best;
}

/** J (the largest of 3, 2, 1 whose 3J months are all available) and S, or null when none is. */
export function seasonalBaseline(month: string, N: CountOf): { years: number; sum: number; months: string[] } | null {
  const b = baselineAt(monthIndex(month), onIndices(N));
  return b === null ? null : { years: b.years, sum: b.sum, months: baselineMonths(month, b.years) };
}

/** The month's share of the exposure in days: d(m) / (d(m) + Σ d(b)). */
function exposureShare(m: number, baselineDays: number): number {
  const dm = daysInMonthAt(m);
  return dm / (dm + baselineDays);
}

/** p = min(1, 2·min(P(X ≥ x), P(X ≤ x))) for X ~ Bin(x + S, share). */
function twoSidedP(x: number, sum: number, share: number): number {
  const { pUp, pDown } = binomialTails(x, x + sum, share);
  return Math.min(1, 2 * Math.min(pUp, pDown));
}

/** The test of one cell with N(m) = x, m a month index. */
export function seasonalTestAt(x: number, m: number, N: CountAt): SeasonalTest {
  const baseline = baselineAt(m, N);
  if (baseline === null) return { x, years: null, sum: 0, mean: null, p: null };
  const mean = baseline.sum / (3 * baseline.years);
  if (x + baseline.sum === 0) return { x, years: baseline.years, sum: 0, mean, p: null };
  return { x, years: baseline.years, sum: baseline.sum, mean, p: twoSidedP(x, baseline.sum, exposureShare(m, baseline.days)) };
}

/** The test of one cell with N(m) = x. */
export function seasonalTest(x: number, month: string, N: CountOf): SeasonalTest {
  return seasonalTestAt(x, monthIndex(month), onIndices(N));
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
  const m = monthIndex(month);
  const b = baselineAt(m, onIndices(N));
  if (b === null) return null;
  return { ...bandOf(b.sum, b.years, daysInMonthAt(m), b.days), baseline: baselineMonths(month, b.years) };
}

/** `normalBand` on month indices, without the baseline's months: [low, high], or null without a baseline. */
export function normalBandAt(m: number, N: CountAt): { low: number; high: number } | null {
  const b = baselineAt(m, N);
  return b === null ? null : bandOf(b.sum, b.years, daysInMonthAt(m), b.days);
}

/**
 * The band depends only on S, J and the days of the month and its baseline, which many cells share
 * (an area's quiet category has S = 0..10 in most months): each is searched once per run. Bounded, so
 * a long run over many kommuner cannot grow it without end.
 */
const bands = new Map<number | string, { low: number; high: number }>();
const MAX_BANDS = 100_000;

function bandOf(sum: number, years: number, monthDays: number, baselineDays: number): { low: number; high: number } {
  // One number while it is exact (years ≤ 3, a month ≤ 31 days, a baseline ≤ 279 days): no key string per cell.
  const key = Number.isSafeInteger(sum) && sum >= 0 && sum < 2 ** 36 ? ((sum * 4 + years) * 32 + monthDays) * 512 + baselineDays : `${sum}:${years}:${monthDays}:${baselineDays}`;
  const known = bands.get(key);
  if (known !== undefined) return known;
  const band = searchBand(sum, years, monthDays / (monthDays + baselineDays));
  if (bands.size >= MAX_BANDS) bands.clear();
  bands.set(key, band);
  return band;
}

function searchBand(sum: number, years: number, share: number): { low: number; high: number } {
  const mean = sum / (3 * years);
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
  return { low, high };
}
