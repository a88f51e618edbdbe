/**
 * A 36-month range on the sample kommun (data 2023-01..2026-10) with `--only data`: every month is
 * built from one ingestion, the early months say "för kort historik" (the trend needs the 12 months
 * before), and a second run of the same range skips every month without touching a file.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";

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

  it("says 'för kort historik' for a month without 12 months before it, and judges the trend after", () => {
    const verdict = (m: string) =>
      JSON.parse(readFileSync(path.join(out, m, "indicators.json"), "utf8")).areas[0].incidents.at(-1).trend.verdict as string;
    expect(verdict("2023-12")).toBe("insufficient_history"); // 11 months before it in the data (2023-01..2023-11)
    expect(verdict("2024-01")).not.toBe("insufficient_history"); // 2023-01..2023-12
  });

  it("run again, skips all 36 months and touches no file", () => {
    expect(warm.code).toBe(0);
    expect(warm.stdout).toMatch(/Månader: 0 skrivna, 36 oförändrade, 0 misslyckade/);
    expect(mtimes(out)).toEqual(before);
  });
});
