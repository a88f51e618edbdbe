/**
 * Population by year (issue 18, item 2): the `kind: population` reader on real-format files (SCB's
 * wide table export and a long `region;år;folkmängd` table, Windows-1252 bytes, CRLF), and every
 * per-100 000 dividing by its own year's population, with figures worked out by hand.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIndicators } from "../../../src/aggregate/build-indicators.ts";
import { pickPopulation, populationTables } from "../../../src/aggregate/population-by-year.ts";
import { parseConfig } from "../../../src/config/load-config.ts";
import { monthRange } from "../../../src/core/month.ts";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { isBalanced } from "../../../src/ingest/tally.ts";
import { groupKey, type IncidentSourceData } from "../../../src/model/records.ts";
import { excel1252, makeProject, NOW, POLIS_SOURCE, type TestProject } from "../../fixtures/ingest/project.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

const POPULATION_SOURCE = `
  - id: scb
    kind: population
    path: ../data/befolkning/*.csv
`;

function withPopulation(files: Record<string, Buffer>) {
  project = makeProject(`${POLIS_SOURCE}${POPULATION_SOURCE}`);
  project.write("polis-2024.csv", excel1252(["Datum;Brottstyp;Område", "2024-03-01;Stöld;Centrum"]));
  for (const [name, bytes] of Object.entries(files)) project.write(`befolkning/${name}`, bytes);
  return project;
}

describe("kind: population, the reader", () => {
  it("reads a long region;år;folkmängd table: own kommun and its areas kept, everything else counted and explained", async () => {
    const p = withPopulation({
      "folkmangd.csv": excel1252([
        "Region;År;Folkmängd;Område",
        "2182 Söderhamn;2023;25 850;", // accepted: kommun 2023
        "2182 Söderhamn;2024;25790;", // accepted: kommun 2024
        "2182 Söderhamn;2024;25 790;", // ignored duplicate (same figure again)
        "2182 Söderhamn;2025;..;", // ignored missing_value (SCB's "..")
        "Söderhamn;2024;4 210;Stenstan", // accepted: centrum by its alias, region by name
        "2182 Söderhamn;2023;4200;Centrum", // accepted: centrum 2023
        "2182 Söderhamn;2024;2410;Ljusne", // accepted: ljusne 2024
        "2180 Gävle;2024;103 000;", // ignored other_kommun
        "00 Riket;2024;10 551 707;", // ignored other_kommun
        "2182 Söderhamn;2022;25 9x0;", // rejected bad_number:population
        "2182 Söderhamn;2022;25900;Östermalm", // rejected unknown_area
        "2182 Söderhamn;2023;25851;", // rejected duplicate_id: the first figure (25 850) stays
        "Totalt;2024;10 654 707;", // ignored total_row
      ]),
    });
    const r = await ingestSources(p.config, { now: NOW, quarantine: false });
    const pop = r.population![0]!;
    const file = pop.files[0]!;
    expect(file.encoding).toBe("windows-1252");
    expect(file.tally).toMatchObject({
      read: 13, accepted: 5, ignored: 5, rejected: 3,
      ignored_by_reason: { duplicate: 1, missing_value: 1, other_kommun: 2, total_row: 1 },
      rejected_by_reason: { "bad_number:population": 1, "unknown_area:Östermalm": 1, duplicate_id: 1 },
    });
    expect(isBalanced(file.tally)).toBe(true);
    expect(file.problems.map((x) => [x.line, x.reason])).toEqual([
      [11, "bad_number:population"], [12, "unknown_area:Östermalm"], [13, "duplicate_id"],
    ]);
    expect(pop.records).toEqual([
      { area: "kommun", year: 2023, population: 25850 },
      { area: "kommun", year: 2024, population: 25790 },
      { area: "centrum", year: 2024, population: 4210 },
      { area: "centrum", year: 2023, population: 4200 },
      { area: "ljusne", year: 2024, population: 2410 },
    ]);
  });

  it("reads SCB's wide export (quoted, comma-separated, one column per year) and takes only the kommun's row", async () => {
    const p = withPopulation({
      "BE0101N1.csv": excel1252([
        '"region","2016","2017","2018"',
        '"0114 Upplands Väsby",43668,44605,45543',
        '"2182 Söderhamn",25620,25782,..',
        '"2184 Hudiksvall",37301,37540,37525',
      ]),
    });
    const r = await ingestSources(p.config, { now: NOW, quarantine: false });
    const pop = r.population![0]!;
    expect(pop.files[0]!.tally).toMatchObject({ read: 3, accepted: 1, ignored: 2, rejected: 0, ignored_by_reason: { other_kommun: 2 } });
    expect(pop.records).toEqual([
      { area: "kommun", year: 2016, population: 25620 },
      { area: "kommun", year: 2017, population: 25782 },
    ]);
  });

  it("keeps only the both-sexes row of a table by sex (Kolada's Kön T/K/M, SCB's totalt/kvinnor/män)", async () => {
    const p = withPopulation({
      "kolada.csv": excel1252([
        "Kommun;Kön;Period;Värde",
        "Söderhamn;T;2024;25 790",
        "Söderhamn;K;2024;12 800",
        "Söderhamn;M;2024;12 990",
        "Söderhamn;Totalt;2023;25 850",
      ]),
    });
    const r = await ingestSources(p.config, { now: NOW, quarantine: false });
    const pop = r.population![0]!;
    expect(pop.files[0]!.tally).toMatchObject({ read: 4, accepted: 2, ignored: 2, rejected: 0, ignored_by_reason: { other_group: 2 } });
    expect(pop.records).toEqual([{ area: "kommun", year: 2024, population: 25790 }, { area: "kommun", year: 2023, population: 25850 }]);
  });

  const SCB = path.resolve(import.meta.dirname, "../../../../shared/realdata/scb-population-2017/befolkning.csv");
  const scbPresent = existsSync(SCB);
  if (!scbPresent) console.warn(`SKIP population-by-year (SCB 2017): ${SCB} saknas.`);
  it.skipIf(!scbPresent)("reads the real SCB 2017 file as it is: Sundsvall 98 810, the other 289 kommuner ignored", async () => {
    project = makeProject(`${POLIS_SOURCE}\n  - { id: scb, kind: population, path: ${JSON.stringify(SCB)} }\n`);
    project.write("polis-2024.csv", excel1252(["Datum;Brottstyp;Område", "2024-03-01;Stöld;Centrum"]));
    const config = { ...project.config, kommun: { name: "Sundsvall", code: "2281" } };
    const r = await ingestSources(config, { now: NOW, quarantine: false });
    const pop = r.population![0]!;
    expect(pop.files[0]!.tally).toMatchObject({ read: 290, accepted: 1, ignored: 289, rejected: 0 });
    expect(pop.records).toEqual([{ area: "kommun", year: 2017, population: 98810 }]);
  });
});

describe("the population of each figure's year", () => {
  it("picks the year, else the nearest earlier, else the nearest later", () => {
    const table = { 2019: 25950, 2023: 25850, 2025: 25700 };
    expect(pickPopulation(table, 2023)).toEqual({ value: 25850, year: 2023 });
    expect(pickPopulation(table, 2024)).toEqual({ value: 25850, year: 2023 });
    expect(pickPopulation(table, 2027)).toEqual({ value: 25700, year: 2025 });
    expect(pickPopulation(table, 2010)).toEqual({ value: 25950, year: 2019 });
    expect(pickPopulation(25000, 2010)).toEqual({ value: 25000, year: null });
    expect(pickPopulation(undefined, 2010)).toBeNull();
  });

  it("lets the config's own figure win for a year both give; a single number stands for every year", () => {
    const config = parseConfig(`
kommun: { name: Söderhamn, code: "2182" }
population: { 2024: 25800 }
areas:
  - { id: centrum, name: Centrum, population: 4300 }
  - { id: ljusne, name: Ljusne, population: { 2023: 2400 } }
  - { id: mo, name: Mo }
categories: [{ id: stold, name: Stöld, group: egendom }]
sources:
  - { id: polis, kind: incidents, measure: brott, path: p.csv, categories: { Stöld: stold } }
  - { id: scb, kind: population, path: x.csv }
`, "/tmp/x/config/lagesbild.yaml");
    const tables = populationTables(config, [
      { area: "kommun", year: 2023, population: 25850 },
      { area: "kommun", year: 2024, population: 25790 },
      { area: "centrum", year: 2024, population: 4210 },
      { area: "ljusne", year: 2023, population: 2390 },
      { area: "ljusne", year: 2024, population: 2410 },
    ]);
    expect(tables.get("kommun")).toEqual({ 2023: 25850, 2024: 25800 });
    expect(tables.get("centrum")).toBe(4300);
    expect(tables.get("ljusne")).toEqual({ 2023: 2400, 2024: 2410 });
    expect(tables.has("mo")).toBe(false);
  });

  // misshandel: centrum 7 and ljusne 3 every month 2023-01..2025-03, so the kommun has 10 a month and
  // 120 in any 12 months; centrum 84, ljusne 36.
  const CONFIG = parseConfig(`
kommun: { name: Söderhamn, code: "2182" }
areas:
  - { id: centrum, name: Centrum }
  - { id: ljusne, name: Ljusne, population: { 2023: 2400 } }
categories: [{ id: misshandel, name: Misshandel, group: brott-mot-person }]
sources:
  - { id: polis, kind: incidents, measure: brott, path: p.csv, categories: { Misshandel: misshandel }, covers: { from: 2023-01, to: 2025-03 } }
  - { id: scb, kind: population, path: b.csv }
`, "/tmp/x/config/lagesbild.yaml");
  const counts = new Map<string, number>();
  for (const t of monthRange("2023-01", "2025-03")) {
    counts.set(groupKey("centrum", t, "misshandel"), 7);
    counts.set(groupKey("ljusne", t, "misshandel"), 3);
  }
  const incidents: IncidentSourceData[] = [{ sourceId: "polis", files: [], firstMonth: "2023-01", lastMonth: "2025-03", counts, arealess: false }];
  const population = [{
    sourceId: "scb",
    files: [],
    records: [
      { area: "kommun", year: 2023, population: 25850 },
      { area: "kommun", year: 2024, population: 25790 },
      { area: "centrum", year: 2023, population: 4200 },
      { area: "centrum", year: 2024, population: 4210 },
      { area: "ljusne", year: 2024, population: 2410 },
    ],
  }];
  const build = (month: string) => buildIndicators({ config: CONFIG, month, generatedAt: "2025-04-02T06:00:00+02:00", revision: 1, incidents, population });
  const rates = (month: string) => {
    const { indicators, notes } = build(month);
    return {
      notes,
      areas: indicators.areas.filter((a) => a.id !== "okant").map((a) => {
        const e = a.incidents.find((i) => i.category === "misshandel")!;
        return [a.id, a.population, e.month.per_100k, e.rolling_12m.per_100k];
      }),
    };
  };

  it("2024-06 divides by 2024's figures, the rolling 12 months too (2023-07..2024-06 over 2024's population)", () => {
    // kommun 10 / 25 790 · 100 000 = 38.775 → 38.8; 120 / 25 790 · 100 000 = 465.297 → 465.3.
    // centrum 7 / 4 210 · 100 000 = 166.270 → 166.3; 84 / 4 210 · 100 000 = 1 995.249 → 1995.2.
    // ljusne 3 / 2 410 · 100 000 = 124.481 → 124.5; 36 / 2 410 · 100 000 = 1 493.776 → 1493.8.
    expect(rates("2024-06")).toEqual({
      notes: [],
      areas: [["kommun", 25790, 38.8, 465.3], ["centrum", 4210, 166.3, 1995.2], ["ljusne", 2410, 124.5, 1493.8]],
    });
  });

  it("2023-12 divides by 2023's figures; Ljusne's 2023 comes from the config", () => {
    // kommun 10 / 25 850 · 100 000 = 38.685 → 38.7; 120 / 25 850 · 100 000 = 464.217 → 464.2.
    // centrum 7 / 4 200 · 100 000 = 166.667 → 166.7; 84 / 4 200 · 100 000 = 2 000.
    // ljusne 3 / 2 400 · 100 000 = 125; 36 / 2 400 · 100 000 = 1 500.
    expect(rates("2023-12")).toEqual({
      notes: [],
      areas: [["kommun", 25850, 38.7, 464.2], ["centrum", 4200, 166.7, 2000], ["ljusne", 2400, 125, 1500]],
    });
  });

  it("2025-03 has no 2025 figures: 2024's are used, and the report says so once", () => {
    const r = rates("2025-03");
    expect(r.areas).toEqual([["kommun", 25790, 38.8, 465.3], ["centrum", 4210, 166.3, 1995.2], ["ljusne", 2410, 124.5, 1493.8]]);
    expect(r.notes).toEqual(["Befolkningen för 2025 saknas för hela kommunen och för Centrum, Ljusne; 2024 års används för antal per 100 000 invånare."]);
  });
});
