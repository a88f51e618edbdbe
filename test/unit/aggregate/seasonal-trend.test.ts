/**
 * The trend test of spec/indicators.md, checked against values worked out by hand: the baseline months,
 * exposures in days, the exact binomial p-value, Benjamini–Hochberg, the size rule, the floors.
 */
import { describe, expect, it } from "vitest";
import { benjaminiHochberg } from "../../../src/aggregate/false-discovery.ts";
import { monthTrends } from "../../../src/aggregate/month-trends.ts";
import { baselineMonths, daysInMonth, normalBand, seasonalTest, trendVerdict, type CountOf } from "../../../src/aggregate/seasonal-trend.ts";
import { monthIndex } from "../../../src/core/month.ts";

/** N(t) from a map; months before `from` are unavailable. */
function counts(values: Record<string, number>, from: string, fill = 0): CountOf {
  return (t) => (monthIndex(t) < monthIndex(from) ? null : (values[t] ?? fill));
}

describe("baseline months and exposures", () => {
  it("takes the month and its two neighbours in each earlier year, oldest first", () => {
    expect(baselineMonths("2024-03", 1)).toEqual(["2023-02", "2023-03", "2023-04"]);
    expect(baselineMonths("2024-01", 2)).toEqual(["2021-12", "2022-01", "2022-02", "2022-12", "2023-01", "2023-02"]);
  });

  it.each([
    ["2024-02", 29],
    ["2023-02", 28],
    ["2000-02", 29],
    ["1900-02", 28],
    ["2024-04", 30],
    ["2024-12", 31],
  ])("counts %s as %d days", (month, days) => {
    expect(daysInMonth(month)).toBe(days);
  });

  it("uses the largest J of 3, 2, 1 whose months are all available", () => {
    // Data from 2022-02: J = 2 for 2024-03 needs 2022-02..04 and 2023-02..04; J = 3 would need 2021.
    const t = seasonalTest(5, "2024-03", counts({}, "2022-02", 1));
    expect(t.years).toBe(2);
    expect(t.sum).toBe(6);
    // From 2022-03 on, 2022-02 is missing: only J = 1.
    expect(seasonalTest(5, "2024-03", counts({}, "2022-03", 1)).years).toBe(1);
    // Nothing a year back: insufficient history.
    expect(seasonalTest(5, "2024-03", counts({}, "2023-03", 1))).toMatchObject({ years: null, p: null });
  });
});

describe("the exact conditional test, worked by hand", () => {
  it("J = 1, x = 3, S = 0 in March 2024: p = 2·(31/120)³", () => {
    // Exposure: March 2024 has 31 days, Feb–Apr 2023 have 28 + 31 + 30 = 89: share 31/120.
    // P(X ≥ 3 | n = 3) = (31/120)³ = 29791/1728000 = 0.0172401…, two-sided 0.0344803…
    const t = seasonalTest(3, "2024-03", counts({}, "2023-02", 0));
    expect(t.years).toBe(1);
    expect(t.p).toBeCloseTo(2 * 29791 / 1728000, 12);
    const [trend] = monthTrends([{ family: "areas", test: t }]);
    expect(trend).toEqual({ verdict: "increase", p_value: 0.03448, q_value: 0.03448, baseline_mean: 0, baseline_years: 1 });
  });

  it("weighs a leap February by its 29 days: x = 2, S = 0 gives p = 2·(29/119)²", () => {
    // Jan–Mar 2023: 31 + 28 + 31 = 90 days; Feb 2024: 29; share 29/119; P(X ≥ 2 | n = 2) = 841/14161.
    const t = seasonalTest(2, "2024-02", counts({}, "2023-01", 0));
    expect(t.p).toBeCloseTo((2 * 841) / 14161, 12);
    // 0.118777… → 0.1188; the size rule (2 − 0 < 3) keeps it normal whatever the p-value.
    expect(monthTrends([{ family: "kommun", test: t }])[0]).toMatchObject({ verdict: "normal", p_value: 0.1188 });
  });

  it("x = 0 against S = 2 over three years: P(X ≤ 0) = (267/298)², two-sided capped at 1", () => {
    const t = seasonalTest(0, "2024-03", counts({ "2021-03": 1, "2023-04": 1 }, "2021-01", 0));
    expect(t).toMatchObject({ years: 3, sum: 2 });
    // 2·(267/298)² = 1.6055 > 1
    expect(t.p).toBe(1);
  });

  it("x + S = 0 is normal with p 1, outside the family, with no q", () => {
    const t = seasonalTest(0, "2024-03", counts({}, "2021-01", 0));
    const [a, b] = monthTrends([
      { family: "areas", test: t },
      { family: "areas", test: seasonalTest(3, "2024-03", counts({}, "2021-01", 0)) },
    ]);
    expect(a).toEqual({ verdict: "normal", p_value: 1, q_value: null, baseline_mean: 0, baseline_years: 3 });
    // The second entry is the family's only member: q = p.
    expect(b?.q_value).toBe(b?.p_value);
  });

  it("gives okänt område a baseline but no verdict, p or q", () => {
    const t = seasonalTest(9, "2024-03", counts({}, "2021-01", 1));
    expect(monthTrends([{ family: null, test: t }])[0]).toEqual({ verdict: null, p_value: null, q_value: null, baseline_mean: 1, baseline_years: 3 });
  });

  it("gives insufficient_history with every statistic null", () => {
    const t = seasonalTest(9, "2024-03", counts({}, "2024-01", 1));
    expect(monthTrends([{ family: "areas", test: t }])[0]).toEqual({
      verdict: "insufficient_history",
      p_value: null,
      q_value: null,
      baseline_mean: null,
      baseline_years: null,
    });
  });
});

describe("Benjamini–Hochberg", () => {
  it("adjusts by hand: [0.01, 0.04, 0.03] → [0.03, 0.04, 0.04]", () => {
    // Sorted 0.01, 0.03, 0.04: q3 = 0.04·3/3 = 0.04; q2 = min(0.04, 0.03·3/2 = 0.045) = 0.04; q1 = min(0.04, 0.03).
    const q = benjaminiHochberg([0.01, 0.04, 0.03]);
    expect(q[0]).toBeCloseTo(0.03, 15);
    expect(q[1]).toBeCloseTo(0.04, 15);
    expect(q[2]).toBeCloseTo(0.04, 15);
  });

  it("never lowers q below the larger p-values' adjustment, and gives ties the same q", () => {
    // Sorted 0.5, 0.9, 0.9: q3 = 0.9; q2 = min(0.9, 0.9·3/2) = 0.9; q1 = min(0.9, 0.5·3) = 0.9.
    expect(benjaminiHochberg([0.9, 0.9, 0.5])).toEqual([0.9, 0.9, 0.9]);
    // Sorted 0.001, 0.002, 0.2: q3 = 0.2, q2 = 0.003, q1 = min(0.003, 0.003) = 0.003.
    const q = benjaminiHochberg([0.2, 0.002, 0.001]);
    expect(q[0]).toBeCloseTo(0.2, 15);
    expect(q[1]).toBeCloseTo(0.003, 15);
    expect(q[2]).toBeCloseTo(0.003, 15);
  });

  it("adjusts the kommun's entries and the areas' entries as two separate families", () => {
    const t = (x: number) => seasonalTest(x, "2024-03", counts({}, "2021-01", 2));
    const cells = [
      { family: "kommun" as const, test: t(20) },
      { family: "areas" as const, test: t(20) },
      { family: "areas" as const, test: t(2) },
    ];
    const [k, a1, a2] = monthTrends(cells);
    const p = (i: number) => cells[i]?.test.p ?? 1;
    // kommun: a family of one, q = p. Areas: two members.
    expect(k?.p_value).toBe(k?.q_value);
    const q = benjaminiHochberg([p(1), p(2)]);
    expect(a1?.q_value).toBeCloseTo(q[0] ?? 0, 3);
    expect(a2?.q_value).toBeCloseTo(q[1] ?? 0, 3);
  });
});

describe("verdicts need a small q and a change that matters", () => {
  const base = { years: 3, sum: 0, p: 0.001 };
  it.each([
    // x, mean, q, verdict — the size rule is |x − mean| ≥ max(3, 0.2·mean)
    [30, 24, 0.01, "increase"], // 6 ≥ 4.8
    [28, 24, 0.01, "normal"], // 4 < 4.8
    [10, 8, 0.0001, "normal"], // 2 < 3
    [11, 8, 0.01, "increase"], // 3 ≥ 3
    [5, 8, 0.01, "decrease"], // 3 ≥ 3
    [30, 24, 0.05, "normal"], // q not below 0.05
    [30, 24, null, "normal"],
  ] as const)("x = %d, mean = %d, q = %s → %s", (x, mean, q, verdict) => {
    expect(trendVerdict({ ...base, x, mean }, q)).toBe(verdict);
  });
});

describe("floors for tiny probabilities", () => {
  it("writes p and q below 0.0001 as 0.0001 with `_below`", () => {
    // 5 000 events against a baseline of 9 × 10: p underflows to 0 in double precision.
    const t = seasonalTest(5000, "2024-03", counts({}, "2021-01", 10));
    const [trend] = monthTrends([{ family: "kommun", test: t }]);
    expect(trend).toMatchObject({ verdict: "increase", p_value: 0.0001, p_value_below: true, q_value: 0.0001, q_value_below: true });
    expect(JSON.stringify(trend)).not.toMatch(/e-/);
  });
});

describe("the chart's band of normal variation", () => {
  it("holds exactly the counts a single test would call normal", () => {
    const N = counts({}, "2021-01", 6); // S = 54 over nine months, mean 6
    const band = normalBand("2024-03", N);
    expect(band).not.toBeNull();
    const { low, high } = band ?? { low: 0, high: 0 };
    const single = (x: number) => monthTrends([{ family: "kommun", test: seasonalTest(x, "2024-03", N) }])[0]?.verdict;
    for (let x = 0; x <= high + 5; x++) expect(single(x), `x = ${x}`).toBe(x >= low && x <= high ? "normal" : x > high ? "increase" : "decrease");
  });

  it("has no band without a year of history", () => {
    expect(normalBand("2024-03", counts({}, "2023-06", 6))).toBeNull();
  });
});
