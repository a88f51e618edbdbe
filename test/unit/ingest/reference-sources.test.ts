/**
 * Reference sources (issue 18, item 1): Kolada- and Brå-style tables of rates for other geographies
 * read from real-format files (Windows-1252 bytes, CRLF, `;`, decimal comma, `..`, a "Totalt" row),
 * the latest period that has ended by the report month chosen per region, and the kommun table's
 * reference column naming that period. The shipped example tables (examples/referens/) are read from
 * the repository itself; their rates are checked against the original real files where present.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIndicators } from "../../../src/aggregate/build-indicators.ts";
import { referencesForMonth } from "../../../src/aggregate/reference-periods.ts";
import { parseConfig } from "../../../src/config/load-config.ts";
import { monthRange } from "../../../src/core/month.ts";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { parsePeriod } from "../../../src/ingest/formats/read-reference.ts";
import { isBalanced } from "../../../src/ingest/tally.ts";
import { groupKey, type IncidentSourceData } from "../../../src/model/records.ts";
import { incidentTable } from "../../../src/render/incident-table.ts";
import { excel1252, makeProject, NOW, POLIS_SOURCE, type TestProject } from "../../fixtures/ingest/project.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

function withReference(sourceYaml: string, files: Record<string, Buffer>) {
  project = makeProject(`${POLIS_SOURCE}${sourceYaml}`);
  project.write("polis-2024.csv", excel1252(["Datum;Brottstyp;Område", "2024-03-01;Stöld;Centrum"]));
  for (const [name, bytes] of Object.entries(files)) project.write(name, bytes);
  return project;
}

describe("period texts", () => {
  it.each([
    ["2024", { type: "year", period: "2024", end: "2024-12" }],
    ["2024K3", { type: "quarter", period: "2024-Q3", end: "2024-09" }],
    ["2024 Q1", { type: "quarter", period: "2024-Q1", end: "2024-03" }],
    ["2024-03", { type: "month", period: "2024-03", end: "2024-03" }],
    ["2024M11", { type: "month", period: "2024-11", end: "2024-11" }],
    ["2024K5", null],
    ["24", null],
  ])("%s", (text, expected) => {
    expect(parsePeriod(text)).toEqual(expected);
  });
});

describe("kind: reference, the reader", () => {
  const SOURCE = `
  - id: jamforelse
    kind: reference
    path: ../data/referens.csv
    regions: [Riket, Gävleborgs län, Hudiksvall]
    categories: { "Anmälda brott totalt": total, Misshandel: misshandel }
`;
  it("reads a long table with the period type per row; every row counted, every rejection explained", async () => {
    const p = withReference(SOURCE, {
      "referens.csv": excel1252([
        "Region;Period;Periodtyp;Kategori;Värde",
        "Riket;2024;År;Anmälda brott totalt;14 012,5", // accepted
        "Riket;2025K1;Kvartal;Anmälda brott totalt;3 390,25", // accepted (quarter)
        "Riket;2025-02;Månad;Misshandel;70,1", // accepted (month)
        "Gävleborgs län;2024;År;Anmälda brott totalt;..", // ignored missing_value
        "Gävleborgs län;2024;År;Misshandel;812,0", // accepted
        "2184 Hudiksvall;2024;År;Anmälda brott totalt;11 246,3", // accepted (region by code and name)
        "2180 Gävle;2024;År;Anmälda brott totalt;12 732,2", // ignored other_region
        "Riket;2024;År;Bedrägeri;1 900", // ignored other_category
        "Riket;2024;Kvartal;Misshandel;800", // rejected bad_period (2024 is a year, not a quarter)
        "Riket;2023;År;Misshandel;8x0", // rejected bad_number:value
        "Riket;2024;År;Anmälda brott totalt;14 012,6", // rejected duplicate_id (first stays)
        "Totalt;2024;År;Anmälda brott totalt;99 999", // ignored total_row
      ]),
    });
    const r = await ingestSources(p.config, { now: NOW, quarantine: false });
    const ref = r.reference![0]!;
    const file = ref.files[0]!;
    expect(file.tally).toMatchObject({
      read: 12, accepted: 5, ignored: 4, rejected: 3,
      ignored_by_reason: { missing_value: 1, other_region: 1, other_category: 1, total_row: 1 },
      rejected_by_reason: { bad_period: 1, "bad_number:value": 1, duplicate_id: 1 },
    });
    expect(isBalanced(file.tally)).toBe(true);
    expect(file.problems.map((x) => [x.line, x.reason])).toEqual([[10, "bad_period"], [11, "bad_number:value"], [12, "duplicate_id"]]);
    expect(ref.records).toEqual([
      { region: "Riket", period: "2024", end: "2024-12", category: "total", per_100k: 14012.5 },
      { region: "Riket", period: "2025-Q1", end: "2025-03", category: "total", per_100k: 3390.25 },
      { region: "Riket", period: "2025-02", end: "2025-02", category: "misshandel", per_100k: 70.1 },
      { region: "Gävleborgs län", period: "2024", end: "2024-12", category: "misshandel", per_100k: 812 },
      { region: "Hudiksvall", period: "2024", end: "2024-12", category: "total", per_100k: 11246.3 },
    ]);
  });

  it("keeps only Kolada's both-sexes row (Kön T), so K and M are neither references nor duplicates", async () => {
    const p = withReference(SOURCE, {
      "referens.csv": excel1252([
        "Kommun;Kön;Nyckeltal;År;Värde",
        "Riket;T;Misshandel;2024;812,4",
        "Riket;K;Misshandel;2024;510,0",
        "Riket;M;Misshandel;2024;1 110,9",
      ]),
    });
    const r = await ingestSources(p.config, { now: NOW, quarantine: false });
    const ref = r.reference![0]!;
    expect(ref.files[0]!.tally).toMatchObject({ read: 3, accepted: 1, ignored: 2, rejected: 0, ignored_by_reason: { other_group: 2 } });
    expect(ref.records).toEqual([{ region: "Riket", period: "2024", end: "2024-12", category: "misshandel", per_100k: 812.4 }]);
  });

  it("reads Brå's wide layout per 10 000 (× 10), `..` and `.` as missing, the file's period type checked", async () => {
    const p = withReference(`
  - id: bra
    kind: reference
    path: ../data/bra.csv
    regions: [Söderhamn, Nykvarn]
    categories: { Våldsbrott: misshandel, Totalt: total }
    unit: per_10k
    period: year
`, {
      "bra.csv": excel1252([
        '"Region";"Våldsbrott 2015";"Våldsbrott 1995";"Övriga brott 2015";"Totalt 2015";"Totalt 1995"',
        '"2182 Söderhamn";122;..;1074;1196;..',
        '"0140 Nykvarn";57;.;560;617;.',
        '"0180 Stockholm";170;..;2184;2354;..',
      ]),
    });
    const r = await ingestSources(p.config, { now: NOW, quarantine: false });
    const ref = r.reference![0]!;
    expect(ref.files[0]!.tally).toMatchObject({ read: 3, accepted: 2, ignored: 1, rejected: 0, ignored_by_reason: { other_region: 1 } });
    // 122 per 10 000 = 1 220 per 100 000; 1 196 → 11 960.
    expect(ref.records).toEqual([
      { region: "Söderhamn", period: "2015", end: "2015-12", category: "misshandel", per_100k: 1220 },
      { region: "Söderhamn", period: "2015", end: "2015-12", category: "total", per_100k: 11960 },
      { region: "Nykvarn", period: "2015", end: "2015-12", category: "misshandel", per_100k: 570 },
      { region: "Nykvarn", period: "2015", end: "2015-12", category: "total", per_100k: 6170 },
    ]);
  });
});

describe("the latest period ended by the report month", () => {
  const config = parseConfig(`
kommun: { name: Söderhamn, code: "2182" }
areas: [{ id: centrum, name: Centrum }]
categories: [{ id: misshandel, name: Misshandel, group: brott-mot-person }]
reference: [{ name: Handskrivet, year: 2023, per_100k: { misshandel: 700 } }]
sources:
  - { id: polis, kind: incidents, measure: brott, path: p.csv, categories: { Misshandel: misshandel } }
  - { id: ref, kind: reference, path: r.csv, regions: [Riket, Hudiksvall], categories: { Totalt: total } }
`, "/tmp/x/config/lagesbild.yaml");
  const data = [{
    sourceId: "ref",
    files: [],
    records: [
      { region: "Riket", period: "2024", end: "2024-12", category: "total", per_100k: 14000 },
      { region: "Riket", period: "2024-Q4", end: "2024-12", category: "total", per_100k: 3500 },
      { region: "Riket", period: "2025-Q1", end: "2025-03", category: "total", per_100k: 3400 },
      { region: "Riket", period: "2025", end: "2025-12", category: "total", per_100k: 13900 },
      { region: "Hudiksvall", period: "2015", end: "2015-12", category: "total", per_100k: 11000 },
    ],
  }];

  it("shows no period that has not ended: June 2025 gets 2025 Q1, not the year 2025", () => {
    expect(referencesForMonth(config, data, "2025-06")).toEqual([
      { name: "Handskrivet", year: 2023, per_100k: { misshandel: 700 } },
      { name: "Riket", year: 2025, period: "2025-Q1", per_100k: { total: 3400 } },
      { name: "Hudiksvall", year: 2015, per_100k: { total: 11000 } },
    ]);
  });
  it("prefers the year to its last quarter at the same end month, and the year once it has ended", () => {
    expect(referencesForMonth(config, data, "2025-01")[1]).toEqual({ name: "Riket", year: 2024, per_100k: { total: 14000 } });
    expect(referencesForMonth(config, data, "2026-01")[1]).toEqual({ name: "Riket", year: 2025, per_100k: { total: 13900 } });
  });
  it("leaves out a region with no period yet", () => {
    expect(referencesForMonth(config, data, "2015-11").map((r) => r.name)).toEqual(["Handskrivet"]);
  });
});

describe("the shipped example tables (examples/referens/)", () => {
  const ROOT = path.resolve(import.meta.dirname, "../../..");
  const SOURCES = `
  - id: kolada
    kind: reference
    path: ${JSON.stringify(path.join(ROOT, "examples/referens/kolada-anmalda-brott-2025.csv"))}
    regions: [Gävle, Söderhamn, Hudiksvall, Sundsvall, Sigtuna]
    categories: { "Anmälda brott totalt, antal/100 000 inv": total }
  - id: bra
    kind: reference
    path: ${JSON.stringify(path.join(ROOT, "examples/referens/bra-anmalda-brott-2010-2015.csv"))}
    regions: [Söderhamn, Stockholm]
    categories: { Totalt: total, Våldsbrott: misshandel }
    unit: per_10k
`;
  it("loads both without workarounds; the rates are the tables' own (Brå's per 10 000 × 10)", async () => {
    const p = withReference(SOURCES, {});
    const r = await ingestSources(p.config, { now: NOW, quarantine: false });
    const [kolada, bra] = r.reference!;
    expect(kolada!.files[0]!.tally).toMatchObject({ read: 290, accepted: 5, ignored: 285, rejected: 0, ignored_by_reason: { other_region: 285 } });
    expect(kolada!.files[0]!.encoding).toBe("windows-1252");
    const rate = (region: string) => kolada!.records.find((x) => x.region === region)!.per_100k;
    // Kolada N07540, 2025 (realdata/kolada-kommun-2025/README.md: Gävle 12 732, Sundsvall 9 650).
    expect(rate("Gävle")).toBe(12732.15161);
    expect(rate("Sundsvall")).toBe(9650.01767);
    expect(bra!.files[0]!.tally).toMatchObject({ read: 290, accepted: 2, ignored: 288, rejected: 0 });
    // Brå (realdata README): Stockholm Totalt 2015 = 2354 = 170 + 2184 per 10 000.
    expect(bra!.records.filter((x) => x.region === "Stockholm" && x.period === "2015")).toEqual([
      { region: "Stockholm", period: "2015", end: "2015-12", category: "misshandel", per_100k: 1700 },
      { region: "Stockholm", period: "2015", end: "2015-12", category: "total", per_100k: 23540 },
    ]);
  });

  const KOLADA_REAL = path.resolve(ROOT, "../shared/realdata/kolada-kommun-2025/kommun_population_and_reported_crime_2025.csv");
  const realPresent = existsSync(KOLADA_REAL);
  if (!realPresent) console.warn(`SKIP reference-sources (Kolada-original): ${KOLADA_REAL} saknas.`);
  it.skipIf(!realPresent)("every Kolada rate in the shipped table equals the original file's, kommun by kommun", () => {
    const original = new Map(readFileSync(KOLADA_REAL, "utf8").trim().split("\n").slice(1).map((l) => {
      const c = l.split(",");
      return [c[0]!, Number(c[6])] as const;
    }));
    const shipped = readFileSync(path.join(ROOT, "examples/referens/kolada-anmalda-brott-2025.csv"), "latin1").trim().split("\r\n").slice(1);
    expect(shipped).toHaveLength(290);
    for (const line of shipped) {
      const [region, , , , value] = line.split(";");
      expect(Number(value!.replace(",", "."))).toBe(original.get(region!.slice(0, 4)));
    }
  });
});

describe("the kommun table's reference column", () => {
  it("names the region and period and shows the rate beside the kommun's 12-month rate", () => {
    const config = parseConfig(`
kommun: { name: Söderhamn, code: "2182" }
population: { 2025: 24163 }
areas: [{ id: centrum, name: Centrum }]
categories: [{ id: misshandel, name: Misshandel, group: brott-mot-person }]
sources:
  - { id: polis, kind: incidents, measure: brott, path: p.csv, categories: { Misshandel: misshandel }, covers: { from: 2024-01, to: 2026-01 } }
  - { id: ref, kind: reference, path: r.csv, regions: [Gävle], categories: { Totalt: total } }
`, "/tmp/x/config/lagesbild.yaml");
    const counts = new Map<string, number>();
    for (const t of monthRange("2024-01", "2026-01")) counts.set(groupKey("centrum", t, "misshandel"), 250);
    const incidents: IncidentSourceData[] = [{ sourceId: "polis", files: [], firstMonth: "2024-01", lastMonth: "2026-01", counts, arealess: false }];
    const reference = [{ sourceId: "ref", files: [], records: [
      { region: "Gävle", period: "2024", end: "2024-12", category: "total", per_100k: 12500.4 },
      { region: "Gävle", period: "2025-Q3", end: "2025-09", category: "total", per_100k: 3180.5 },
    ] }];
    const { indicators } = buildIndicators({ config, month: "2025-10", generatedAt: "2026-02-02T06:00:00+01:00", revision: 1, incidents, reference });
    const kommun = indicators.areas[0]!;
    const monthConfig = { ...config, reference: referencesForMonth(config, reference, "2025-10") };
    const page = String(incidentTable(kommun, "hela kommunen", { month: "2025-10", config: monthConfig, withReference: true }));
    const text = page.replace(/<[^>]+>/g, " ").replace(/[\s\u00a0\u202f]+/g, " ");
    expect(text).toContain("Jämfört med referensdata: Gävle kvartal 3 2025, per 100 000 inv.");
    // The kommun's 12 months: 3 000 / 24 163 · 100 000 = 12 415.68… → 12 415,7, beside Gävle's 3 180,5.
    expect(text).toMatch(/Alla polisanmälda brott 250 250 0 0,0 % 2 500 2 500 3 000 12 415,7 3 180,5/);
  });
});
