/**
 * One total per measure (spec/cli.md "Measures", indicators.md): each total sums only its own measure's
 * categories, and its availability needs only its own measure's sources. The expected figures are worked
 * out by hand below from the fixture's counts, not taken from the code.
 */
import { describe, expect, it } from "vitest";
import { buildIndicators } from "../../../src/aggregate/build-indicators.ts";
import { IndicatorsSchema, type Indicators } from "../../../src/model/indicators.ts";
import { parseConfig } from "../../../src/config/load-config.ts";
import { monthRange } from "../../../src/core/month.ts";
import { groupKey, type IncidentSourceData } from "../../../src/model/records.ts";

const CONFIG = `
kommun: { name: Söderhamn, code: "2182" }
population: 25000
areas:
  - { id: centrum, name: Centrum, population: 5000 }
  - { id: ljusne, name: Ljusne, population: 2500 }
categories:
  - { id: stold, name: Stöld, group: egendom }
  - { id: misshandel, name: Misshandel, group: brott-mot-person }
  - { id: skadegorelse, name: Skadegörelse, group: egendom }
  - { id: klotter, name: Klotter, group: egendom }
  - { id: brand, name: Brand, group: brand }
sources:
  - id: kommunlogg
    kind: incidents
    measure: handelser
    path: ../data/kommun-*.csv
    categories: { Klotter: klotter, Brand: brand }
  - id: handelser
    kind: incidents
    format: polisen-events
    path: ../data/events.json
    categories: { Misshandel: misshandel }
  - id: polis
    kind: incidents
    measure: brott
    path: ../data/polis-*.csv
    categories: { Stöld: stold, Skadegörelse: skadegorelse }
`;
const config = parseConfig(CONFIG, "/tmp/x/config/lagesbild.yaml");

/**
 * Every month the source has data for, the same counts:
 *   polis (brott), 2023-01..2024-03:  centrum stöld 4, skadegörelse 3; ljusne stöld 2; okänt skadegörelse 1
 *   handelser (polisens-handelser), 2023-01..2024-03: centrum misshandel 6
 *   kommunlogg (handelser), 2024-01..2024-03 only: centrum klotter 5; ljusne brand 1; okänt klotter 2
 */
function sources(): IncidentSourceData[] {
  const counts = (months: string[], cells: Array<[string, string, number]>) => {
    const m = new Map<string, number>();
    for (const t of months) for (const [area, category, n] of cells) m.set(groupKey(area, t, category), n);
    return m;
  };
  // Rows on the first and last day of every month with data: the source covers exactly those months.
  const dated = (from: string) =>
    Object.fromEntries(monthRange(from, "2024-03").map((t): [string, [number, number]] => [t, [1, new Date(Date.UTC(Number(t.slice(0, 4)), Number(t.slice(5)), 0)).getUTCDate()]]));
  const tally = { read: 0, accepted: 0, ignored: 0, rejected: 0, ignored_by_reason: {}, rejected_by_reason: {} };
  const source = (sourceId: string, from: string, cells: Array<[string, string, number]>): IncidentSourceData => ({
    sourceId,
    files: [{ path: `${sourceId}.csv`, sha256: "a".repeat(64), encoding: "utf-8", tally, by_month: {}, dated: dated(from), problems: [], problems_truncated: 0 }],
    firstMonth: from,
    lastMonth: "2024-03",
    counts: counts(monthRange(from, "2024-03"), cells),
    arealess: false,
  });
  return [
    source("polis", "2023-01", [["centrum", "stold", 4], ["centrum", "skadegorelse", 3], ["ljusne", "stold", 2], ["okant", "skadegorelse", 1]]),
    source("handelser", "2023-01", [["centrum", "misshandel", 6]]),
    source("kommunlogg", "2024-01", [["centrum", "klotter", 5], ["ljusne", "brand", 1], ["okant", "klotter", 2]]),
  ];
}

const { indicators: ind } = buildIndicators({ config, month: "2024-03", generatedAt: "2024-04-02T06:00:00+02:00", revision: 1, incidents: sources() });
const entry = (i: Indicators, area: string, category: string) => i.areas.find((a) => a.id === area)!.incidents.find((e) => e.category === category)!;

describe("one total per measure", () => {
  it("lists the categories in config order, then total:brott, total:polisens-handelser, total:handelser, each with its measure", () => {
    expect(() => IndicatorsSchema.parse(ind)).not.toThrow();
    expect(ind.areas[0]!.incidents.map((e) => [e.category, e.measure, e.name])).toEqual([
      ["stold", "brott", "Stöld"],
      ["misshandel", "polisens-handelser", "Misshandel"],
      ["skadegorelse", "brott", "Skadegörelse"],
      ["klotter", "handelser", "Klotter"],
      ["brand", "handelser", "Brand"],
      ["total:brott", "brott", "Alla polisanmälda brott"],
      ["total:polisens-handelser", "polisens-handelser", "Alla polisens händelsenotiser"],
      ["total:handelser", "handelser", "Alla rapporterade händelser"],
    ]);
    expect(ind.areas.flatMap((a) => a.incidents).some((e) => e.category === "total")).toBe(false);
  });

  it("sums only its own measure's categories (by hand: centrum 4 + 3 = 7 brott, 6 notices, 5 reported)", () => {
    expect(entry(ind, "centrum", "total:brott").month.count).toBe(7);
    expect(entry(ind, "centrum", "total:polisens-handelser").month.count).toBe(6);
    expect(entry(ind, "centrum", "total:handelser").month.count).toBe(5);
    expect(entry(ind, "ljusne", "total:brott").month.count).toBe(2);
    expect(entry(ind, "ljusne", "total:polisens-handelser").month.count).toBe(0);
    expect(entry(ind, "ljusne", "total:handelser").month.count).toBe(1);
    expect(entry(ind, "okant", "total:brott").month.count).toBe(1);
    expect(entry(ind, "okant", "total:handelser").month.count).toBe(2);
    // Hela kommunen: brott 7 + 2 + 1 = 10, notices 6, reported 5 + 1 + 2 = 8 (never 24).
    expect(entry(ind, "kommun", "total:brott").month.count).toBe(10);
    expect(entry(ind, "kommun", "total:polisens-handelser").month.count).toBe(6);
    expect(entry(ind, "kommun", "total:handelser").month.count).toBe(8);
  });

  it("is available wherever its own measure's sources cover, whatever the other measures' coverage", () => {
    // polis covers 2023-01.., so brott's last 12 months (2023-04..2024-03) are 12 · 10 = 120 and the same
    // months a year earlier (2022-04..2023-03) reach before 2023-01: unavailable.
    const brott = entry(ind, "kommun", "total:brott");
    expect(brott.rolling_12m.count).toBe(120);
    expect(brott.rolling_12m.previous).toBeNull();
    expect(brott.ytd.count).toBe(30);
    expect(brott.series.find((p) => p.month === "2023-12")!.count).toBe(10);
    expect(brott.series.find((p) => p.month === "2022-12")!.count).toBeNull();
    // The kommun log starts 2024-01: before that its total is unavailable, never a partial 0.
    const reported = entry(ind, "kommun", "total:handelser");
    expect(reported.ytd.count).toBe(24);
    expect(reported.rolling_12m.count).toBeNull();
    expect(reported.series.find((p) => p.month === "2023-12")!.count).toBeNull();
    expect(reported.month.same_month_last_year).toBeNull();
    // 12 · 6 = 72 notices.
    expect(entry(ind, "kommun", "total:polisens-handelser").rolling_12m.count).toBe(72);
  });

  it("runs the trend test on each total as on a category", () => {
    expect(entry(ind, "kommun", "total:brott").trend?.verdict).toBe("normal");
    expect(entry(ind, "kommun", "total:brott").trend?.baseline_mean).toBe(10);
    expect(entry(ind, "kommun", "total:polisens-handelser").trend?.baseline_mean).toBe(6);
    // Twelve months of history are needed; the kommun log has two before March.
    expect(entry(ind, "kommun", "total:handelser").trend?.verdict).toBe("insufficient_history");
  });

  it("names the single total 'total' with its measure's name when every source has one measure", () => {
    const single = parseConfig(
      CONFIG.replace("measure: handelser", "measure: brott").replace(/ {2}- id: handelser[\s\S]*?Misshandel: misshandel \}\n/, "").replace("  - { id: misshandel, name: Misshandel, group: brott-mot-person }\n", ""),
      "/tmp/x/config/lagesbild.yaml",
    );
    const data = sources().filter((s) => s.sourceId !== "handelser");
    const { indicators } = buildIndicators({ config: single, month: "2024-03", generatedAt: "2024-04-02T06:00:00+02:00", revision: 1, incidents: data });
    const totals = indicators.areas[0]!.incidents.filter((e) => e.category.startsWith("total"));
    expect(totals.map((e) => [e.category, e.measure, e.name])).toEqual([["total", "brott", "Alla polisanmälda brott"]]);
    // Both sources are brott now: 10 + 8 = 18, and available only where both cover (from 2024-01).
    expect(totals[0]!.month.count).toBe(18);
    expect(totals[0]!.rolling_12m.count).toBeNull();
  });
});
