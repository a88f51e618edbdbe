/**
 * The month's trend verdicts from its cells' tests (spec/indicators.md "Trend test"): p-values adjusted
 * with Benjamini–Hochberg in two families — the `kommun` entries, and the entries of the configured
 * areas — then a verdict only where q < 0.05 and the change is large enough to matter. `okant` is not
 * tested: an unknown area is nowhere to act.
 */
import { benjaminiHochberg } from "./false-discovery.ts";
import type { Trend } from "../model/indicators.ts";
import { roundRatio, roundSignificant } from "./round.ts";
import { trendVerdict, type SeasonalTest } from "./seasonal-trend.ts";

/** Which BH family a cell's test belongs to; null: not tested (`okant`). */
export type TrendFamily = "kommun" | "areas" | null;

export interface TrendCell {
  family: TrendFamily;
  /** null when N(m) is unavailable: the entry's trend is null. */
  test: SeasonalTest | null;
}

/** Below this, a p- or q-value is written as the floor with `<key>_below: true`. */
export const P_FLOOR = 0.0001;

/** A probability as written: four significant digits, floored (a double underflows at national scale). */
function written(value: number): { value: number; below: boolean } {
  if (value < P_FLOOR) return { value: P_FLOOR, below: true };
  return { value: roundSignificant(value, 4), below: false };
}

function trendOf(test: SeasonalTest, family: TrendFamily, q: number | null): Trend {
  const baseline_mean = test.years === null ? null : roundRatio(test.sum, 3 * test.years, 2);
  const baseline_years = test.years;
  if (family === null) return { verdict: null, p_value: null, q_value: null, baseline_mean, baseline_years };
  if (test.years === null) {
    return { verdict: "insufficient_history", p_value: null, q_value: null, baseline_mean: null, baseline_years: null };
  }
  // x + S = 0: nothing happened in the month or its seasons; "normal" with p = 1, outside the families.
  if (test.p === null) return { verdict: "normal", p_value: 1, q_value: null, baseline_mean, baseline_years };
  const p = written(test.p);
  const qw = q === null ? null : written(q);
  return {
    verdict: trendVerdict(test, q),
    p_value: p.value,
    ...(p.below ? { p_value_below: true as const } : {}),
    q_value: qw === null ? null : qw.value,
    ...(qw?.below ? { q_value_below: true as const } : {}),
    baseline_mean,
    baseline_years,
  };
}

/** The published trend of every cell, in the cells' order. */
export function monthTrends(cells: ReadonlyArray<TrendCell>): Array<Trend | null> {
  const q = new Array<number | null>(cells.length).fill(null);
  for (const family of ["kommun", "areas"] as const) {
    const members = cells.flatMap((c, i) => (c.family === family && c.test?.p != null ? [i] : []));
    const adjusted = benjaminiHochberg(members.map((i) => cells[i]?.test?.p ?? 1));
    members.forEach((i, j) => (q[i] = adjusted[j] ?? null));
  }
  return cells.map((c, i) => (c.test === null ? null : trendOf(c.test, c.family, q[i] ?? null)));
}
