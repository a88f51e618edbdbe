/**
 * A 36-month range on the sample kommun (data 2023-01..2026-10) with `--only data`: every month is
 * built from one ingestion, the early months say "för kort historik" (the trend needs the same season a
 * year before: the month and its neighbours), and a second run of the same range skips every month without touching a file.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { IndicatorsFileSchema } from "../../src/model/indicators-file.ts";

const ARGS = ["run", "--from", "2023-10", "--to", "2026-09", "--only", "data", "--log-format", "json", "--generated-at", "2026-11-02T06:00:00+01:00"];

function mtimes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of readdirSync(dir)) {
    const p = path.join(dir, m);
    if (statSync(p).isDirectory()) for (const f of readdirSync(p)) out[`${m}/${f}`] = statSync(path.join(p, f)).mtimeMs;
    else out[m] = statSync(p).mtimeMs;
  }
  return out;
}

describe("a 36-month range on the sample data", () => {
  const out = mkdtempSync(path.join(tmpdir(), "lagesbild-sample-range-"));
  let cold: ReturnType<typeof runCli>;
  let warm: ReturnType<typeof runCli>;
  let before: Record<string, number>;
  beforeAll(() => {
    cold = runCli([...ARGS, "--out", out]);
    before = mtimes(out);
    warm = runCli([...ARGS, "--out", out]);
  });

  it("builds all 36 months, 2023-10 to 2026-09", () => {
    expect(cold.code).toBe(0);
    expect(cold.stdout).toMatch(/Månader: 36 skrivna, 0 oförändrade, 0 misslyckade/);
    const folders = readdirSync(out).filter((f) => /^\d{4}-\d{2}$/.test(f));
    expect([folders.length, folders[0], folders.at(-1)]).toEqual([36, "2023-10", "2026-09"]);
  });

  it("reads each source file once, not once per month", () => {
    const reads = cold.stderr.split("\n").filter((l) => l.includes("rader lästa")).map((l) => (JSON.parse(l) as { file: string }).file);
    expect(reads.length).toBeGreaterThan(0);
    expect(new Set(reads).size).toBe(reads.length);
  });

  it("says 'för kort historik' without the same season a year before, and judges against up to three years after", () => {
    const trend = (m: string) =>
      JSON.parse(readFileSync(path.join(out, m, "indicators.json"), "utf8")).areas[0].incidents.at(-1).trend as { verdict: string; baseline_years: number | null };
    expect(trend("2024-01").verdict).toBe("insufficient_history"); // needs 2022-12..2023-02; the data start 2023-01
    expect(trend("2024-02")).toMatchObject({ baseline_years: 1 }); // 2023-01..2023-03
    expect(trend("2024-02").verdict).not.toBe("insufficient_history");
    expect(trend("2025-02").baseline_years).toBe(2); // 2023-01..03 and 2024-01..03
    expect(trend("2026-09").baseline_years).toBe(3);
  });

  it("never flags a count inside its season's band, and never points an arrow against its own numbers", () => {
    type Point = { count: number | null; normal_low?: number | null; normal_high?: number | null };
    type E = { month: { count: number | null }; trend: { verdict: string | null; baseline_mean: number | null } | null; series: Point[] };
    let flagged = 0;
    const months = new Set<string>();
    for (const m of readdirSync(out).filter((d) => /^\d{4}-\d{2}$/.test(d))) {
      // Through the file schema: the band is written once per entry and read back onto the points.
      const ind: { areas: Array<{ incidents: E[] }> } = IndicatorsFileSchema.parse(JSON.parse(readFileSync(path.join(out, m, "indicators.json"), "utf8")));
      for (const e of ind.areas.flatMap((a) => a.incidents)) {
        const v = e.trend?.verdict;
        if (v !== "increase" && v !== "decrease") continue;
        flagged++;
        months.add(m);
        const x = e.month.count;
        const last = e.series.at(-1);
        if (x !== null && last?.normal_low != null && last.normal_high != null) {
          expect(x < last.normal_low || x > last.normal_high, `${m}: ${x} in [${last.normal_low}, ${last.normal_high}]`).toBe(true);
        }
        if (x !== null && e.trend?.baseline_mean != null) expect(v === "increase" ? x > e.trend.baseline_mean : x < e.trend.baseline_mean).toBe(true);
      }
    }
    // A handful over 36 months and some 6 000 tests, in a few months (the sample's klotter grows year on
    // year, and the latest month has its planted increase); the old 12-month test flagged every summer and
    // every January, 9 of 34 months.
    expect(flagged).toBeGreaterThan(0);
    expect(flagged).toBeLessThanOrEqual(20);
    expect(months.size).toBeLessThanOrEqual(8);
  });

  it("run again, skips all 36 months and touches no file", () => {
    expect(warm.code).toBe(0);
    expect(warm.stdout).toMatch(/Månader: 0 skrivna, 36 oförändrade, 0 misslyckade/);
    expect(mtimes(out)).toEqual(before);
  });
});
