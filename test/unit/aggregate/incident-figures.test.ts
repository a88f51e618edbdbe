import { describe, expect, it } from "vitest";
import { incidentFigures, populationForYear } from "../../../src/aggregate/incident-figures.ts";
import { monthIndex } from "../../../src/core/month.ts";

/** N(t) = months since 2022-01, so N(2022-02) = 1, N(2023-03) = 14, N(2024-03) = 26; unavailable before 2022. */
const linear = (t: string): number | null => (monthIndex(t) < monthIndex("2022-01") ? null : monthIndex(t) - monthIndex("2022-01"));

describe("incidentFigures", () => {
  const f = incidentFigures(linear, "2024-03", 4200);

  it("computes the month figures", () => {
    // N(2024-03) = 26, N(2024-02) = 25, N(2023-03) = 14; change 26 − 14 = 12; 100·12/14 = 85.714… → 85.7;
    // per 100 000: 26·100000/4200 = 619.047… → 619.0.
    expect(f.month).toEqual({
      count: 26,
      previous_month: 25,
      same_month_last_year: 14,
      change_abs: 12,
      change_pct: 85.7,
      per_100k: 619,
    });
  });

  it("computes year to date against the same months a year earlier", () => {
    // Jan–Mar 2024: 24 + 25 + 26 = 75; Jan–Mar 2023: 12 + 13 + 14 = 39; 36 more; 100·36/39 = 92.307… → 92.3.
    expect(f.ytd).toEqual({ count: 75, last_year: 39, change_abs: 36, change_pct: 92.3 });
  });

  it("computes the rolling 12 months", () => {
    // 2023-04..2024-03 = 15..26: (15 + 26)·12/2 = 246; 2022-04..2023-03 = 3..14: (3 + 14)·12/2 = 102;
    // change 144; 100·144/102 = 141.176… → 141.2; 246·100000/4200 = 5857.142… → 5857.1.
    expect(f.rolling_12m).toEqual({ count: 246, previous: 102, change_abs: 144, change_pct: 141.2, per_100k: 5857.1 });
  });

  it("tests N(m) against the same season in earlier years", () => {
    // Available from 2022-01: J = 2 (2021 is missing). Baseline Feb–Apr 2022 = 1 + 2 + 3 and Feb–Apr 2023 =
    // 13 + 14 + 15: S = 48, mean 48/6 = 8; x = 26.
    const g = incidentFigures((t) => (monthIndex(t) >= monthIndex("2022-01") ? linear(t) : null), "2024-03", 4200);
    expect(g.test).toMatchObject({ x: 26, years: 2, sum: 48, mean: 8 });
  });

  it("lists the 24 months m−23..m oldest first", () => {
    expect(f.series).toHaveLength(24);
    expect(f.series[0]).toMatchObject({ month: "2022-04", count: 3 });
    expect(f.series[23]).toMatchObject({ month: "2024-03", count: 26 });
  });

  it("leaves per_100k null without a population", () => {
    const g = incidentFigures(linear, "2024-03", null);
    expect(g.month.per_100k).toBeNull();
    expect(g.rolling_12m.per_100k).toBeNull();
  });

  it("makes change_pct null, not infinite, when the earlier value is 0", () => {
    const zeroLastYear = (t: string) => (t === "2023-03" ? 0 : 5);
    const g = incidentFigures(zeroLastYear, "2024-03", 1000);
    expect(g.month.change_abs).toBe(5);
    expect(g.month.change_pct).toBeNull();
  });

  it("makes every figure that touches an unavailable month null", () => {
    // Available from 2023-06 only.
    const partial = (t: string) => (monthIndex(t) >= monthIndex("2023-06") ? linear(t) : null);
    const g = incidentFigures(partial, "2024-03", 4200);
    expect(g.month).toEqual({
      count: 26,
      previous_month: 25,
      same_month_last_year: null,
      change_abs: null,
      change_pct: null,
      per_100k: 619,
    });
    expect(g.ytd).toEqual({ count: 75, last_year: null, change_abs: null, change_pct: null });
    // 2023-04 and 2023-05 are unavailable, so the rolling sum is too.
    expect(g.rolling_12m).toEqual({ count: null, previous: null, change_abs: null, change_pct: null, per_100k: null });
    // Feb–Apr 2023 are unavailable: not even one year of baseline.
    expect(g.test).toMatchObject({ years: null, p: null });
    // 2022-04..2023-05 (14 months) null, then 2023-06 = 14 + 3 = 17.
    expect(g.series.slice(0, 14).every((p) => p.count === null)).toBe(true);
    expect(g.series[14]).toMatchObject({ month: "2023-06", count: 17 });
  });

  it("has no trend when N(m) itself is unavailable", () => {
    const g = incidentFigures((t) => (t === "2024-03" ? null : 3), "2024-03", 4200);
    expect(g.month.count).toBeNull();
    expect(g.test).toBeNull();
  });

  it("works across a year boundary for January", () => {
    // ytd for January is the month itself; last year's is January 2023 = 12.
    const g = incidentFigures(linear, "2024-01", null);
    expect(g.ytd).toEqual({ count: 24, last_year: 12, change_abs: 12, change_pct: 100 });
  });
});

describe("populationForYear", () => {
  it.each<[number | Record<string, number> | undefined, number, number | null, string]>([
    [undefined, 2024, null, "no population configured"],
    [25850, 2024, 25850, "one number for every year"],
    [{ "2023": 25850, "2024": 25790 }, 2024, 25790, "the report month's year"],
    [{ "2022": 25900, "2023": 25850 }, 2024, 25850, "else the latest earlier year"],
    // Issue 18: a population is better than no rate at all; the report says which year (population-by-year.ts).
    [{ "2025": 25700 }, 2024, 25700, "only later years: the nearest later"],
    [{ "2019": 25950, "2025": 25700, "2026": 25600 }, 2024, 25950, "earlier wins over a nearer later year"],
  ])("%j for %d → %j (%s)", (population, year, expected) => {
    expect(populationForYear(population, year)).toBe(expected);
  });
});
