/**
 * serie.csv (issue 16 item 7) from a small hand-made output folder: two months of published
 * indicators.json, with a value hidden because it is small, one hidden to protect another, and one
 * unavailable. The expected bytes are written out by hand below from the fixture, not from the code.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { IncidentEntrySchema, MonthFiguresSchema } from "../../../src/model/indicators.ts";
import { renderSharedFiles } from "../../../src/app/write-shared-files.ts";
import { sampleConfig } from "../../helpers/sample-indicators.ts";

/*
 * Bridges two schema changes made on other branches the same day, so this test holds before and after
 * they are merged: the hidden kinds "small"/"protects" (before them a hidden value carried `true`, which
 * both CSVs read as "small"), and `measure` on every entry (before it, the measure cells are empty).
 */
const base = { count: null, previous_month: null, same_month_last_year: null, change_abs: null, change_pct: null, per_100k: null };
const HAS_KINDS = MonthFiguresSchema.safeParse({ ...base, count_suppressed: "small" }).success;
const SMALL = HAS_KINDS ? "small" : true;
const PROTECTS = HAS_KINDS ? "protects" : true;
const HAS_MEASURE = "measure" in IncidentEntrySchema.shape;
const MEASURE_CELLS = HAS_MEASURE ? "brott;polisanmälda brott" : ";";
const PROTECTS_CELLS = HAS_KINDS ? "dold_skyddar;döljs" : "dold_litet;färre än 3";

function entry(category: string, name: string, count: number | null, flag?: unknown, series: Array<{ month: string; count: number }> = []) {
  return {
    category,
    name,
    group: category === "total" ? null : "vald",
    measure: "brott",
    suppressed: flag !== undefined,
    month: { count, ...(flag !== undefined ? { count_suppressed: flag } : {}), previous_month: null, same_month_last_year: null, change_abs: null, change_pct: null, per_100k: null },
    ytd: { count: null, last_year: null, change_abs: null, change_pct: null },
    rolling_12m: { count: null, previous: null, change_abs: null, change_pct: null, per_100k: null },
    trend: null,
    series,
  };
}

function indicators(month: string, areas: unknown[]) {
  return {
    schema: "lagesbild.indicators/v1",
    kommun: { code: "9999", name: "Exempelkommun" },
    month,
    generated_at: "2024-04-02T06:00:00+02:00",
    revision: 1,
    sources: [],
    areas,
    promises: [],
    actions: [],
  };
}

const dir = mkdtempSync(path.join(tmpdir(), "lagesbild-serie-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(month: string, content: unknown): void {
  mkdirSync(path.join(dir, month), { recursive: true });
  writeFileSync(path.join(dir, month, "indicators.json"), JSON.stringify(content, null, 2));
}

// January: the kommun's misshandel is unavailable (source not covering it); Centrum has 7.
write(
  "2024-01",
  indicators("2024-01", [
    { id: "kommun", name: "Hela kommunen", population: 25850, incidents: [entry("misshandel", "Misshandel", null), entry("total", "Alla polisanmälda brott", 7)] },
    // A name starting with "=" gets the formula guard, and its quotes are doubled inside a quoted field.
    { id: "centrum", name: '=HYPERLINK("x")', population: 4200, incidents: [entry("misshandel", "Misshandel", 7), entry("total", "Alla polisanmälda brott", 7)] },
  ]),
);
// February: Centrum's 2 is hidden as small, its total hidden to protect it. Its series says January
// had 5 in the kommun and 8 in Centrum (a later revision): serie.csv must still show January's own file.
write(
  "2024-02",
  indicators("2024-02", [
    { id: "kommun", name: "Hela kommunen", population: 25850, incidents: [entry("misshandel", "Misshandel", 12, undefined, [{ month: "2024-01", count: 5 }]), entry("total", "Alla polisanmälda brott", 12)] },
    { id: "centrum", name: '=HYPERLINK("x")', population: 4200, incidents: [entry("misshandel", "Misshandel", null, SMALL, [{ month: "2024-01", count: 8 }]), entry("total", "Alla polisanmälda brott", null, PROTECTS)] },
  ]),
);
// A month folder whose file does not follow the schema (here: no `promises`) is left out of the
// series with a message, not a crash that would also stop the archive and the feed.
write("2024-03", { ...indicators("2024-03", []), promises: undefined });

describe("serie.csv", () => {
  const warnings: string[] = [];
  const files = renderSharedFiles(sampleConfig(), dir, undefined, undefined, (w) => warnings.push(w));
  const serie = files.find((f) => f.path === "serie.csv");

  it("is one of the shared files (so the manifest lists it and it is replaced by rename)", () => {
    expect(serie).toBeDefined();
  });

  it("has the exact bytes: BOM, ';', CRLF, months oldest first, each month's own count and status", () => {
    const H = "Hela kommunen";
    const C = '"\'=HYPERLINK(""x"")"';
    const A = "Alla polisanmälda brott";
    const expected =
      "\ufeff" +
      "manad;omrade_id;omrade;kategori_id;kategori;matt;matt_namn;antal;status;status_text\r\n" +
      `2024-01;kommun;${H};misshandel;Misshandel;${MEASURE_CELLS};;saknas;uppgift saknas\r\n` +
      `2024-01;kommun;${H};total;${A};${MEASURE_CELLS};7;varde;värde\r\n` +
      `2024-01;centrum;${C};misshandel;Misshandel;${MEASURE_CELLS};7;varde;värde\r\n` +
      `2024-01;centrum;${C};total;${A};${MEASURE_CELLS};7;varde;värde\r\n` +
      `2024-02;kommun;${H};misshandel;Misshandel;${MEASURE_CELLS};12;varde;värde\r\n` +
      `2024-02;kommun;${H};total;${A};${MEASURE_CELLS};12;varde;värde\r\n` +
      `2024-02;centrum;${C};misshandel;Misshandel;${MEASURE_CELLS};;dold_litet;färre än 3\r\n` +
      `2024-02;centrum;${C};total;${A};${MEASURE_CELLS};;${PROTECTS_CELLS}\r\n`;
    expect(Buffer.from(serie!.content).toString("utf8")).toBe(expected);
    expect(Buffer.from(serie!.content).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
  });

  it("leaves out a month whose indicators.json does not follow the schema, and says which in Swedish", () => {
    expect(warnings).toEqual([
      "serie.csv: 2024-03 tas inte med eftersom 2024-03/indicators.json inte följer schemat lagesbild.indicators/v1. Bygg om månaden med lagesbild run --month 2024-03 --force.",
    ]);
  });

  it("is linked from the archive page with a data description naming every column", () => {
    const archive = String(files.find((f) => f.path === "index.html")!.content);
    expect(archive).toContain('<a href="serie.csv" type="text/csv">');
    for (const column of ["manad", "omrade_id", "kategori_id", "matt", "antal", "status", "status_text"]) expect(archive).toContain(column);
    expect(archive).toContain("<li><code>dold_litet</code>: färre än 3;");
  });
});

describe("serie.csv's rows cache", () => {
  it("reuses a month's rows by the sha256 of its indicators.json across runs, and reads a changed file again", async () => {
    const { createHash } = await import("node:crypto");
    const { readFileSync } = await import("node:fs");
    const { SerieRowsCache } = await import("../../../src/app/serie-rows-cache.ts");
    const file = path.join(dir, ".cache", "serie.json");
    const digest = createHash("sha256").update(readFileSync(path.join(dir, "2024-01", "indicators.json"))).digest("hex");
    const first = new SerieRowsCache(file);
    const read = first.month(dir, "2024-01", digest);
    first.save();
    expect("rows" in read && read.rows.map((r) => r.count)).toEqual([null, 7, 7, 7]);
    // The next run, told the same digest, answers from the cache: the file on disk is not read (here it
    // has been replaced by one that no longer parses, which a read would report as a problem).
    write("2024-01", { broken: true });
    expect(new SerieRowsCache(file).month(dir, "2024-01", digest)).toEqual(read);
    // A different digest (the file changed) reads the file again.
    expect(new SerieRowsCache(file).month(dir, "2024-01", "0".repeat(64))).toHaveProperty("problem");
  });
});
