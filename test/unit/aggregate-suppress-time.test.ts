/**
 * Suppression across time (a rule the spec's two lines do not cover): a published window sum minus its
 * visible months would give a hidden month back, so a sum over a window holding a hidden month is hidden
 * too, and so is the trend's baseline.
 */
import { describe, expect, it } from "vitest";
import type { IncidentEntry, Indicators } from "../../src/aggregate/indicators-schema.ts";
import { suppressIndicators } from "../../src/aggregate/suppress.ts";

// Report month 2024-10; series 2022-11 … 2024-10. Every month 5, except 2024-05 = 2 (index 18).
const months = Array.from({ length: 24 }, (_, i) => {
  const idx = 2022 * 12 + 10 + i; // 2022-11 is month index 10 of 2022
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`;
});
const counts = months.map((m) => (m === "2024-05" ? 2 : 5));

function entry(category: string): IncidentEntry {
  return {
    category,
    name: category,
    group: category === "total" ? null : "g",
    measure: "brott",
    suppressed: false,
    // by hand: month 5, previous 5, same month last year 5
    month: { count: 5, previous_month: 5, same_month_last_year: 5, change_abs: 0, change_pct: 0, per_100k: 500 },
    // Jan–Oct 2024: 9 · 5 + 2 = 47; Jan–Oct 2023: 50
    ytd: { count: 47, last_year: 50, change_abs: -3, change_pct: -6 },
    // 2023-11..2024-10: 11 · 5 + 2 = 57; 2022-11..2023-10: 60
    rolling_12m: { count: 57, previous: 60, change_abs: -3, change_pct: -5, per_100k: 5700 },
    trend: { verdict: "normal", p_value: 1, q_value: 1, baseline_mean: 4.75, baseline_years: 3 },
    series: months.map((m, i) => ({ month: m, count: counts[i]! })),
  };
}

const ind: Indicators = {
  schema: "lagesbild.indicators/v1",
  kommun: { code: "0001", name: "K" },
  month: "2024-10",
  generated_at: "2024-11-02T06:00:00+01:00",
  revision: 1,
  sources: [],
  areas: [
    { id: "kommun", name: "Hela kommunen", population: 1000, incidents: [entry("c"), entry("total")] },
    { id: "a", name: "A", population: 1000, incidents: [entry("c"), entry("total")] },
  ],
  promises: [],
  actions: [],
};

describe("suppression across time", () => {
  const out = suppressIndicators(ind, { min_count: 3, applies_to: "areas" }, ["c"]);
  const a = out.areas[1]!.incidents[0]!;

  it("hides the small month itself", () => {
    expect(a.series[18]).toEqual({ month: "2024-05", count: null, suppressed: true });
  });

  it("hides the 12-month and year-to-date sums that contain it, and their derived figures", () => {
    expect(a.rolling_12m).toMatchObject({ count: null, count_suppressed: true, previous: 60, change_abs: null, per_100k: null });
    expect(a.ytd).toMatchObject({ count: null, count_suppressed: true, last_year: 50, change_pct: null });
  });

  it("keeps the verdict but hides the baseline that would reveal the month", () => {
    expect(a.trend).toEqual({ verdict: "normal", p_value: null, q_value: null, baseline_mean: null, baseline_years: 3 });
  });

  it("leaves the report month and the kommun untouched", () => {
    expect(a.month.count).toBe(5);
    expect(out.areas[0]!.incidents[0]!.rolling_12m.count).toBe(57);
  });
});
