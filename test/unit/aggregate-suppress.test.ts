import { describe, expect, it } from "vitest";
import { IndicatorsSchema, type IncidentEntry, type Indicators } from "../../src/aggregate/indicators-schema.ts";
import { suppressIndicators } from "../../src/aggregate/suppress.ts";

interface Cells {
  count?: number;
  prev?: number;
  lastYear?: number;
  ytd?: number;
  ytdLast?: number;
  roll?: number;
  rollPrev?: number;
  series?: number[];
}

/** An entry whose derived figures are placeholders: suppression must only null them, never recompute. */
function entry(category: string, c: Cells): IncidentEntry {
  const count = c.count ?? 0;
  const lastYear = c.lastYear ?? 0;
  return {
    category,
    name: category.toUpperCase(),
    group: category === "total" ? null : "g",
    measure: "brott",
    suppressed: false,
    month: {
      count,
      previous_month: c.prev ?? 0,
      same_month_last_year: lastYear,
      change_abs: count - lastYear,
      change_pct: 12.5,
      per_100k: 47.6,
    },
    ytd: { count: c.ytd ?? 0, last_year: c.ytdLast ?? 0, change_abs: (c.ytd ?? 0) - (c.ytdLast ?? 0), change_pct: 3.3 },
    rolling_12m: {
      count: c.roll ?? 0,
      previous: c.rollPrev ?? 0,
      change_abs: (c.roll ?? 0) - (c.rollPrev ?? 0),
      change_pct: -2.1,
      per_100k: 580.3,
    },
    trend: { verdict: "normal", p_value: 0.5, q_value: 0.5, baseline_mean: 1.25, baseline_years: 3 },
    series: (c.series ?? []).map((v, i) => ({ month: `2024-0${i + 1}`, count: v })),
  };
}

/**
 * Indicators from month.count per area and category: each area's `total` is the sum of its categories,
 * and `kommun` the sum over the areas (okant included, all zero unless given).
 */
function grid(rows: Record<string, Record<string, number>>, categories: string[]): Indicators {
  const areaIds = [...Object.keys(rows), "okant"];
  const value = (a: string, c: string) => rows[a]?.[c] ?? 0;
  const areaEntries = (a: string, v: (c: string) => number) => ({
    id: a,
    name: a,
    population: a === "okant" ? null : 1000,
    incidents: [...categories.map((c) => entry(c, { count: v(c) })), entry("total", { count: categories.reduce((s, c) => s + v(c), 0) })],
  });
  return {
    schema: "lagesbild.indicators/v1",
    kommun: { code: "2182", name: "Söderhamn" },
    month: "2024-03",
    generated_at: "2024-04-02T06:00:00+02:00",
    revision: 1,
    sources: [],
    areas: [
      areaEntries("kommun", (c) => areaIds.reduce((s, a) => s + value(a, c), 0)),
      ...areaIds.map((a) => areaEntries(a, (c) => value(a, c))),
    ],
    promises: [],
    actions: [],
  };
}

/** `area.category` of every hidden month.count, in output order. */
function hiddenCounts(ind: Indicators): string[] {
  return ind.areas.flatMap((a) => a.incidents.filter((e) => e.month.count_suppressed).map((e) => `${a.id}.${e.category}`));
}

const AREAS = { min_count: 3, applies_to: "areas" } as const;
const ALL = { min_count: 3, applies_to: "all" } as const;

describe("suppressIndicators — secondary suppression", () => {
  it("cascades across areas and categories until nothing changes", () => {
    //           x   y   z   total
    //   A       1   4   8   13
    //   B       5   9   6   20
    //   C       7   5  10   22
    //   kommun 13  18  24   55
    // Primary: A.x = 1 (0 < 1 < 3).
    // Pass 1 (a) x: only A.x hidden, kommun.x visible → smallest other non-zero of B=5, C=7: hide B.x.
    //        (b) A: only x hidden, A.total visible → smallest of y=4, z=8: hide A.y.
    //            B: only x hidden → smallest of y=9, z=6: hide B.z.
    // Pass 2 (a) y: only A.y hidden → smallest of B=9, C=5: hide C.y.
    //            z: only B.z hidden → smallest of A=8, C=10: hide A.z.
    //        (b) C: only y hidden → smallest of x=7, z=10: hide C.x.
    // Pass 3: every line has 0, 2 or 3 hidden cells → stop.
    const ind = grid({ A: { x: 1, y: 4, z: 8 }, B: { x: 5, y: 9, z: 6 }, C: { x: 7, y: 5, z: 10 } }, ["x", "y", "z"]);
    const out = suppressIndicators(ind, AREAS, ["x", "y", "z"]);
    expect(hiddenCounts(out)).toEqual(["A.x", "A.y", "A.z", "B.x", "B.z", "C.x", "C.y"]);
    // The totals stay visible; nothing is recoverable: every row and column holds 0, 2 or 3 hidden cells.
    expect(out.areas.map((a) => a.incidents[3]!.month.count)).toEqual([55, 13, 20, 22, 0]);
  });

  it("breaks ties in config order and hides the partner of a hidden total", () => {
    //          x   total
    //   A      1   1      ← both primary
    //   B      4   4
    //   C      4   4
    // (a) x: only A.x hidden → B and C tie at 4 → B (first in config order): hide B.x.
    // (a) total: only A.total hidden → tie again → hide B.total.
    // (b) A and B: their total is hidden, so the line is not used.
    const ind = grid({ A: { x: 1 }, B: { x: 4 }, C: { x: 4 } }, ["x"]);
    expect(hiddenCounts(suppressIndicators(ind, AREAS, ["x"]))).toEqual(["A.x", "A.total", "B.x", "B.total"]);
  });

  it("shows zeros and never picks one as the partner", () => {
    // A.x = 1 is hidden; B, C and okant are 0, so there is no non-zero cell to hide with it.
    const ind = grid({ A: { x: 1 }, B: { x: 0 }, C: { x: 0 } }, ["x"]);
    const out = suppressIndicators(ind, AREAS, ["x"]);
    expect(hiddenCounts(out)).toEqual(["A.x", "A.total"]);
    expect(out.areas[2]!.incidents[0]!.month.count).toBe(0);
  });

  it("never hides kommun with applies_to: areas", () => {
    //          x  y   z   total
    //   A      2  4  10   16
    //   B      0  6  10   16
    //   kommun 2 10  20   32
    // Primary: A.x. (a) x: no non-zero partner (B.x = okant.x = 0). (b) A: hide A.y (4 < 10).
    // Pass 2 (a) y: hide B.y (6). (b) B: only y hidden → x = 0 is skipped → hide B.z (10).
    // Pass 3 (a) z: only B.z hidden → hide A.z (10). Then every line has 0, 2 or 3 hidden cells.
    const ind = grid({ A: { x: 2, y: 4, z: 10 }, B: { x: 0, y: 6, z: 10 } }, ["x", "y", "z"]);
    expect(hiddenCounts(suppressIndicators(ind, AREAS, ["x", "y", "z"]))).toEqual(["A.x", "A.y", "A.z", "B.y", "B.z"]);
  });

  it("hides kommun cells too with applies_to: all, and skips lines whose sum is hidden", () => {
    // Same grid. Primary: A.x = 2 and kommun.x = 2.
    // (a) x: kommun.x is hidden, so the line is not used. (a) y, z, total: nothing hidden.
    // (b) kommun: only x hidden, kommun.total visible → smallest of y=10, z=20: hide kommun.y.
    // (b) A: only x hidden → hide A.y (4).
    // Pass 2 (a) y: its sum kommun.y is hidden → not used. (b) kommun, A: 2 hidden each → stop.
    const ind = grid({ A: { x: 2, y: 4, z: 10 }, B: { x: 0, y: 6, z: 10 } }, ["x", "y", "z"]);
    expect(hiddenCounts(suppressIndicators(ind, ALL, ["x", "y", "z"]))).toEqual(["kommun.x", "kommun.y", "A.x", "A.y"]);
  });

  it("treats every series month as its own line", () => {
    // Series month 1: A = 1 (hidden), B = 5, kommun = 6 → (a) hides B's point too.
    // Series month 2: A = 5, B = 0 → nothing hidden.
    const ind = grid({ A: { x: 5 }, B: { x: 5 } }, ["x"]);
    const withSeries = (id: string, points: number[]) => {
      for (const e of ind.areas.find((a) => a.id === id)!.incidents) e.series = points.map((v, i) => ({ month: `2024-0${i + 1}`, count: v }));
    };
    withSeries("kommun", [6, 5]);
    withSeries("A", [1, 5]);
    withSeries("B", [5, 0]);
    withSeries("okant", [0, 0]);
    const out = suppressIndicators(ind, AREAS, ["x"]);
    const seriesOf = (id: string) => out.areas.find((a) => a.id === id)!.incidents[0]!.series;
    expect(seriesOf("A")).toEqual([
      { month: "2024-01", count: null, suppressed: true },
      { month: "2024-02", count: 5 },
    ]);
    expect(seriesOf("B")).toEqual([
      { month: "2024-01", count: null, suppressed: true },
      { month: "2024-02", count: 0 },
    ]);
    expect(seriesOf("kommun")[0]).toEqual({ month: "2024-01", count: 6 });
    // month.count is 5 everywhere: not hidden.
    expect(hiddenCounts(out)).toEqual([]);
  });
});

describe("suppressIndicators — what a hidden cell looks like", () => {
  // One area A with one category x (so A.total has the same values), okant all zero.
  const ind = grid({ A: { x: 0 } }, ["x"]);
  const cells: Cells = { count: 2, prev: 1, lastYear: 10, ytd: 5, ytdLast: 2, roll: 30, rollPrev: 40 };
  ind.areas[1]!.incidents = [entry("x", cells), entry("total", cells)];
  ind.areas[0]!.incidents = [entry("x", cells), entry("total", cells)];
  const before = JSON.stringify(ind);
  const out = suppressIndicators(ind, AREAS, ["x"]);
  const hidden = out.areas[1]!.incidents[0]!;

  it("nulls the count, flags it right after its key, and nulls what is derived from it", () => {
    expect(hidden.month).toEqual({
      count: null,
      count_suppressed: true,
      previous_month: null,
      previous_month_suppressed: true,
      same_month_last_year: 10,
      change_abs: null,
      change_pct: null,
      per_100k: null,
    });
    expect(Object.keys(hidden.month)).toEqual([
      "count",
      "count_suppressed",
      "previous_month",
      "previous_month_suppressed",
      "same_month_last_year",
      "change_abs",
      "change_pct",
      "per_100k",
    ]);
  });

  it("nulls a change when only its earlier side is hidden", () => {
    expect(hidden.ytd).toEqual({ count: 5, last_year: null, last_year_suppressed: true, change_abs: null, change_pct: null });
  });

  it("leaves visible figures as they were computed", () => {
    expect(hidden.rolling_12m).toEqual({ count: 30, previous: 40, change_abs: -10, change_pct: -2.1, per_100k: 580.3 });
  });

  it("marks the entry suppressed and drops its trend when month.count is hidden", () => {
    expect(hidden.suppressed).toBe(true);
    expect(hidden.trend).toBeNull();
    expect(Object.keys(hidden)).toEqual(["category", "name", "group", "measure", "suppressed", "month", "ytd", "rolling_12m", "trend", "series"]);
  });

  it("keeps kommun visible with applies_to: areas", () => {
    expect(out.areas[0]!.incidents[0]!.month.count).toBe(2);
    expect(out.areas[0]!.incidents[0]!.suppressed).toBe(false);
  });

  it("never changes its input and returns a valid document", () => {
    expect(JSON.stringify(ind)).toBe(before);
    expect(out).not.toBe(ind);
    expect(out.areas[0]).not.toBe(ind.areas[0]);
    expect(() => IndicatorsSchema.parse(out)).not.toThrow();
  });

  it("is a no-op on an already suppressed copy", () => {
    expect(suppressIndicators(out, AREAS, ["x"])).toEqual(out);
  });

  it("hides nothing with min_count 0", () => {
    const off = suppressIndicators(ind, { min_count: 0, applies_to: "all" }, ["x"]);
    expect(off).toEqual(ind);
    expect(off).not.toBe(ind);
  });
});
