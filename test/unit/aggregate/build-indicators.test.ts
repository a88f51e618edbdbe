import { describe, expect, it } from "vitest";
import { buildIndicators, monthContaining } from "../../../src/aggregate/build-indicators.ts";
import { IndicatorsSchema, type Indicators } from "../../../src/model/indicators.ts";
import { parseConfig } from "../../../src/config/load-config.ts";
import { LagesbildError } from "../../../src/core/errors.ts";
import { monthIndex, monthRange } from "../../../src/core/month.ts";
import { groupKey, type FileReport, type IncidentSourceData } from "../../../src/model/records.ts";

// Two sources: polis maps both categories; kommunen (required: false) also maps Klotter to
// skadegorelse but only covers 2023-06 on, so skadegorelse and total are unavailable before that.
const CONFIG = `
kommun: { name: Söderhamn, code: "2182" }
population: { 2023: 25850, 2024: 25790 }
areas:
  - { id: centrum, name: Centrum, population: 4200 }
  - { id: ljusne, name: Ljusne, population: 2400 }
categories:
  - { id: skadegorelse, name: Skadegörelse, group: egendom }
  - { id: misshandel, name: Misshandel, group: brott-mot-person }
sources:
  - id: polis
    kind: incidents
    measure: brott
    path: ../data/polis-*.csv
    categories: { Skadegörelse: skadegorelse, Misshandel: misshandel }
    covers: { from: 2022-02 }
  - id: kommunen
    kind: incidents
    measure: brott
    path: ../data/kommunen-*.csv
    categories: { Klotter: skadegorelse }
    covers: { from: 2023-06 }
    required: false
`;
const config = parseConfig(CONFIG, "/tmp/x/config/lagesbild.yaml");

/** Whole months with rows (days 1 and L), for coverage (FileReport.dated). */
function wholeMonths(from: string, to: string): Record<string, [number, number]> {
  return Object.fromEntries(monthRange(from, to).map((t) => [t, [1, new Date(Date.UTC(Number(t.slice(0, 4)), Number(t.slice(5)), 0)).getUTCDate()]]));
}

function file(path: string, rejected: Record<string, number>, dated: Record<string, [number, number]> = {}): FileReport {
  const rejectedRows = Object.values(rejected).reduce((s, n) => s + n, 0);
  const tally = {
    read: 100 + rejectedRows + 2,
    accepted: 100,
    ignored: 2,
    rejected: rejectedRows,
    ignored_by_reason: { duplicate: 2 },
    rejected_by_reason: rejected,
  };
  return { path, sha256: "a".repeat(64), encoding: "utf-8", tally, by_month: {}, dated, problems: [], problems_truncated: 0 };
}

/**
 * polis, 2022-02..2024-03 (26 months) plus an April row the run must not count as covered:
 *   misshandel centrum = 1, 2, …, 26 (month i of the range, from 2022-02); ljusne = 2 every month;
 *   okant = 1 in 2024-03 only. skadegorelse centrum = 10 every month.
 * kommunen, 2023-06..lastMonth: skadegorelse centrum = 5, ljusne = 3 every month.
 */
function sources(kommunenLast = "2024-03", polisLast = "2024-04"): IncidentSourceData[] {
  const polis = new Map<string, number>();
  for (const t of monthRange("2022-02", polisLast)) {
    polis.set(groupKey("centrum", t, "misshandel"), monthIndex(t) - monthIndex("2022-01"));
    polis.set(groupKey("ljusne", t, "misshandel"), 2);
    polis.set(groupKey("centrum", t, "skadegorelse"), 10);
  }
  polis.set(groupKey("okant", "2024-03", "misshandel"), 1);
  const kommunen = new Map<string, number>();
  for (const t of monthRange("2023-06", kommunenLast)) {
    kommunen.set(groupKey("centrum", t, "skadegorelse"), 5);
    kommunen.set(groupKey("ljusne", t, "skadegorelse"), 3);
  }
  return [
    {
      sourceId: "polis",
      files: [file("data/polis-2024.csv", { "unknown_area:Storgatan 3": 2, bad_date: 1 }, wholeMonths("2022-02", polisLast))],
      firstMonth: "2022-02",
      lastMonth: polisLast,
      counts: polis,
      arealess: false,
    },
    { sourceId: "kommunen", files: [kommunenFile(kommunenLast)], firstMonth: "2023-06", lastMonth: kommunenLast, counts: kommunen, arealess: false },
  ];
}

/** The kommun's log: no rejected rows, dated rows in every month 2023-06..last. */
function kommunenFile(last: string): FileReport {
  const f = file("data/kommunen-2024.csv", {}, wholeMonths("2023-06", last));
  return f;
}

const build = (incidents = sources(), month = "2024-03") =>
  buildIndicators({ config, month, generatedAt: "2024-04-02T06:00:00+02:00", revision: 1, incidents });

const cell = (ind: Indicators, area: string, category: string) =>
  ind.areas.find((a) => a.id === area)!.incidents.find((e) => e.category === category)!;

describe("buildIndicators", () => {
  const { indicators: ind, notes } = build();

  it("produces a valid document in the schema's key order", () => {
    expect(() => IndicatorsSchema.parse(ind)).not.toThrow();
    expect(Object.keys(ind)).toEqual(["schema", "kommun", "month", "generated_at", "revision", "sources", "areas", "promises", "actions"]);
    expect(ind.kommun).toEqual({ code: "2182", name: "Söderhamn" });
    expect(ind.promises).toEqual([]);
    expect(ind.actions).toEqual([]);
    expect(notes).toEqual([]);
  });

  it("lists kommun first, the areas in config order, okant last, each with its population", () => {
    // kommun: population 2024 = 25790 (the report month's year).
    expect(ind.areas.map((a) => [a.id, a.name, a.population])).toEqual([
      ["kommun", "Hela kommunen", 25790],
      ["centrum", "Centrum", 4200],
      ["ljusne", "Ljusne", 2400],
      ["okant", "Okänt område", null],
    ]);
  });

  it("lists the categories in config order with total last", () => {
    expect(ind.areas[0]!.incidents.map((e) => [e.category, e.name, e.group])).toEqual([
      ["skadegorelse", "Skadegörelse", "egendom"],
      ["misshandel", "Misshandel", "brott-mot-person"],
      ["total", "Alla polisanmälda brott", null],
    ]);
    expect(Object.keys(ind.areas[0]!.incidents[0]!)).toEqual([
      "category", "name", "group", "measure", "suppressed", "month", "ytd", "rolling_12m", "trend", "series",
    ]);
  });

  it("computes an area's figures from its own counts", () => {
    const e = cell(ind, "centrum", "misshandel");
    // N(2024-03) = 26, N(2024-02) = 25, N(2023-03) = 14: +12, 100·12/14 = 85.714… → 85.7; 26/4200·1e5 = 619.0.
    expect(e.month).toEqual({ count: 26, previous_month: 25, same_month_last_year: 14, change_abs: 12, change_pct: 85.7, per_100k: 619 });
    // Jan–Mar 2024 = 24 + 25 + 26 = 75; Jan–Mar 2023 = 12 + 13 + 14 = 39; 100·36/39 = 92.3.
    expect(e.ytd).toEqual({ count: 75, last_year: 39, change_abs: 36, change_pct: 92.3 });
    // 15..26 = 246, 3..14 = 102; 100·144/102 = 141.2; 246/4200·1e5 = 5857.1.
    expect(e.rolling_12m).toEqual({ count: 246, previous: 102, change_abs: 144, change_pct: 141.2, per_100k: 5857.1 });
    // The data start in 2022, so J = 2: Feb–Apr 2022 = 1 + 2 + 3, Feb–Apr 2023 = 13 + 14 + 15, S = 48, mean 8.
    // Exposure 31/(31 + 178) days; P(X ≥ 26 | n = 74, p = 31/209) = 1.2057e-5 (exact rational sum,
    // computed independently), two-sided 2.41e-5: below the floor, and so is its BH q among the areas.
    expect(e.trend).toEqual({
      verdict: "increase",
      p_value: 0.0001,
      p_value_below: true,
      q_value: 0.0001,
      q_value_below: true,
      baseline_mean: 8,
      baseline_years: 2,
    });
    expect(e.series.map((p) => p.count)).toEqual(Array.from({ length: 24 }, (_, i) => i + 3)); // 2022-04 = 3 … 2024-03 = 26
    expect(e.series[0]!.month).toBe("2022-04");
  });

  it("computes a flat area's figures", () => {
    const e = cell(ind, "ljusne", "misshandel");
    // 2 every month: no change (0 %, not null: the earlier value is 2); 2/2400·1e5 = 83.333… → 83.3;
    // 12 months · 2 = 24, 24/2400·1e5 = 1000.
    expect(e.month).toEqual({ count: 2, previous_month: 2, same_month_last_year: 2, change_abs: 0, change_pct: 0, per_100k: 83.3 });
    expect(e.ytd).toEqual({ count: 6, last_year: 6, change_abs: 0, change_pct: 0 });
    expect(e.rolling_12m).toEqual({ count: 24, previous: 24, change_abs: 0, change_pct: 0, per_100k: 1000 });
    expect(e.trend?.verdict).toBe("normal");
    expect(e.trend?.baseline_mean).toBe(2);
  });

  it("counts rows without a known area under okant, with no population and no percentage of 0", () => {
    const e = cell(ind, "okant", "misshandel");
    expect(e.month).toEqual({ count: 1, previous_month: 0, same_month_last_year: 0, change_abs: 1, change_pct: null, per_100k: null });
  });

  it("sums every area, okant included, into kommun", () => {
    const e = cell(ind, "kommun", "misshandel");
    // 26 + 2 + 1 = 29; 25 + 2 = 27; 14 + 2 = 16; +13; 100·13/16 = 81.25 → 81.3 (away from zero);
    // 29/25790·1e5 = 112.446… → 112.4.
    expect(e.month).toEqual({ count: 29, previous_month: 27, same_month_last_year: 16, change_abs: 13, change_pct: 81.3, per_100k: 112.4 });
    // ytd 75 + 6 + 1 = 82 vs 39 + 6 = 45: +37, 100·37/45 = 82.2.
    expect(e.ytd).toEqual({ count: 82, last_year: 45, change_abs: 37, change_pct: 82.2 });
    // rolling 246 + 24 + 1 = 271 vs 102 + 24 = 126: +145, 100·145/126 = 115.079… → 115.1; 271/25790·1e5 = 1050.8.
    expect(e.rolling_12m).toEqual({ count: 271, previous: 126, change_abs: 145, change_pct: 115.1, per_100k: 1050.8 });
  });

  it("makes months a source does not cover null, not zero", () => {
    // skadegorelse needs polis and kommunen; kommunen starts 2023-06.
    const e = cell(ind, "centrum", "skadegorelse");
    // 2024-03: 10 + 5 = 15; 15/4200·1e5 = 357.142… → 357.1; 2023-03 is not covered.
    expect(e.month).toEqual({ count: 15, previous_month: 15, same_month_last_year: null, change_abs: null, change_pct: null, per_100k: 357.1 });
    expect(e.ytd).toEqual({ count: 45, last_year: null, change_abs: null, change_pct: null });
    expect(e.rolling_12m).toEqual({ count: null, previous: null, change_abs: null, change_pct: null, per_100k: null });
    // Feb–Apr 2023 are not covered: not even one year of baseline.
    expect(e.trend).toEqual({ verdict: "insufficient_history", p_value: null, q_value: null, baseline_mean: null, baseline_years: null });
    // 2022-04..2023-05 (14 months) null, then 15 from 2023-06.
    expect(e.series.map((p) => p.count)).toEqual([...Array(14).fill(null), ...Array(10).fill(15)]);
  });

  it("makes total unavailable wherever any source is", () => {
    const e = cell(ind, "centrum", "total");
    // 2024-03: misshandel 26 + skadegorelse 15 = 41; 2024-02: 25 + 15 = 40; 41/4200·1e5 = 976.190… → 976.2.
    expect(e.month).toEqual({ count: 41, previous_month: 40, same_month_last_year: null, change_abs: null, change_pct: null, per_100k: 976.2 });
    // kommun: 29 + (15 + 3) = 47; 47/25790·1e5 = 182.241… → 182.2.
    expect(cell(ind, "kommun", "total").month.count).toBe(47);
    expect(cell(ind, "kommun", "total").month.per_100k).toBe(182.2);
    expect(cell(ind, "kommun", "total").series[13]!.count).toBeNull(); // 2023-05
  });

  it("summarises each incident source with its coverage and publishable reasons", () => {
    expect(ind.sources).toEqual([
      {
        id: "polis",
        kind: "incidents",
        // polis has rows in April 2024, but the run is on 2024-04-02: April has not ended.
        covers: { from: "2022-02", to: "2024-03" },
        files: [
          {
            path: "data/polis-2024.csv",
            sha256: "a".repeat(64),
            rows_read: 105,
            rows_accepted: 100,
            rows_ignored: 2,
            rows_rejected: 3,
            ignored_by_reason: { duplicate: 2 },
            // The address after unknown_area: is never published.
            rejected_by_reason: { bad_date: 1, unknown_area: 2 },
          },
        ],
      },
      {
        id: "kommunen",
        kind: "incidents",
        covers: { from: "2023-06", to: "2024-03" },
        files: [
          {
            path: "data/kommunen-2024.csv",
            sha256: "a".repeat(64),
            rows_read: 102,
            rows_accepted: 100,
            rows_ignored: 2,
            rows_rejected: 0,
            ignored_by_reason: { duplicate: 2 },
            rejected_by_reason: {},
          },
        ],
      },
    ]);
  });
});

describe("buildIndicators — coverage of the report month", () => {
  it("fails with exit 4 when a required source does not cover the month", () => {
    expect(() => build(sources("2024-03", "2024-02"))).toThrow(LagesbildError);
    // polis's rows end 29 February: March needs a row on or after 29 March (day L−2 of 31).
    expect(() => build(sources("2024-03", "2024-02"))).toThrow(
      "Månaden 2024-03 täcks ännu inte av källan polis (data inte levererad): källan polis når till 29 februari 2024, " +
        "och en månad räknas som täckt först när källan når minst till 29 mars 2024.",
    );
  });

  it("leaves an optional source's categories null with a note", () => {
    const { indicators, notes } = build(sources("2024-02"));
    expect(notes).toEqual([
      "Källan kommunen täcker inte 2024-03 (täcker 2023-06–2024-02): uppgift saknas för Skadegörelse och för Alla polisanmälda brott.",
    ]);
    expect(cell(indicators, "kommun", "skadegorelse").month.count).toBeNull();
    expect(cell(indicators, "kommun", "skadegorelse").trend).toBeNull();
    expect(cell(indicators, "kommun", "total").month.count).toBeNull();
    expect(cell(indicators, "kommun", "misshandel").month.count).toBe(29);
  });

  it("nulls the area cells of a source without areas, but not kommun", () => {
    const incidents = sources();
    incidents[1]!.arealess = true;
    const { indicators, notes } = build(incidents);
    expect(cell(indicators, "centrum", "skadegorelse").month.count).toBeNull();
    expect(cell(indicators, "okant", "skadegorelse").month.count).toBeNull();
    expect(cell(indicators, "centrum", "total").month.count).toBeNull();
    expect(cell(indicators, "centrum", "misshandel").month.count).toBe(26);
    expect(cell(indicators, "kommun", "skadegorelse").month.count).toBe(18);
    expect(cell(indicators, "kommun", "total").month.count).toBe(47);
    expect(notes).toEqual([
      "Källan kommunen saknar uppgift om område: Skadegörelse och Alla polisanmälda brott redovisas bara för hela kommunen.",
    ]);
  });
});

describe("monthContaining", () => {
  it.each([
    ["2024-04-02T06:00:00+02:00", "2024-04"],
    ["2024-03-31T23:30:00Z", "2024-04"], // 01:30 on 1 April in Stockholm (CEST)
    ["2024-01-31T22:59:59Z", "2024-01"], // 23:59:59 CET
  ])("%s is in %s in Europe/Stockholm", (iso, month) => {
    expect(monthContaining(iso, "Europe/Stockholm")).toBe(month);
  });
});
