/**
 * A scheduled run that cannot produce a trustworthy report fails loudly and leaves what was published
 * untouched; usage and config errors name the flag or key (spec/cli.md exit codes).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { tempProject } from "../helpers/temp-project.ts";

const CONFIG = (extra = "") => `
kommun: { name: Testby, code: "0001" }
population: 10000
areas:
  - { id: centrum, name: Centrum, population: 2000 }
categories:
  - { id: skadegorelse, name: Skadegörelse, group: egendom }
sources:
  - id: polis
    kind: incidents
    measure: brott
    path: ../data/*.csv
    categories: { Skadegörelse: skadegorelse }
${extra}`;

function project(csv: string, config = CONFIG()): string {
  return tempProject("lagesbild-fail-", config, { "data/a.csv": csv });
}

// The first and last rows are on 1 January and 31 March: the source reaches from the first day of
// January to the end of March, so January–March are covered (spec/indicators.md "Coverage").
const GOOD = [
  "occurred_at,category,area",
  ...Array.from({ length: 20 }, (_, i) => `${i === 0 ? "2024-01-01" : i === 19 ? "2024-03-31" : `2024-0${1 + (i % 3)}-1${i % 10}`} 10:00,Skadegörelse,Centrum`),
].join("\n");
const AT = ["--generated-at", "2024-04-02T06:00:00+02:00", "--log-format", "json"];

describe("exit codes and safety of failed runs", () => {
  it("exits 1 and leaves the published month untouched when too many rows are rejected", () => {
    const root = project(`${GOOD}\n`);
    expect(runCli(["run", "--config", "config/lagesbild.yaml", "--month", "2024-03", ...AT], { cwd: root }).code).toBe(0);
    const before = readFileSync(path.join(root, "reports", "2024-03", "indicators.json"));
    const manifestBefore = readFileSync(path.join(root, "reports", "manifest.json"));
    // Now a later export with 3 undated (bad date) rows: 3 / (≈7 + 3) is far above 1 %.
    writeFileSync(path.join(root, "data", "b.csv"), "occurred_at,category,area\nigår,Skadegörelse,Centrum\n32/3,Skadegörelse,Centrum\n2024-02-30,Skadegörelse,Centrum\n");
    const r = runCli(["run", "--config", "config/lagesbild.yaml", "--month", "2024-03", ...AT], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/avvisades/);
    expect(readFileSync(path.join(root, "reports", "2024-03", "indicators.json"))).toEqual(before);
    expect(readFileSync(path.join(root, "reports", "manifest.json"))).toEqual(manifestBefore);
  });

  it("exits 4 when the month is not covered by a required source yet", () => {
    const root = project(`${GOOD}\n`);
    const r = runCli(["run", "--config", "config/lagesbild.yaml", "--month", "2024-05", "--generated-at", "2024-07-02T06:00:00+02:00"], { cwd: root });
    expect(r.code).toBe(4);
    expect(r.stdout + r.stderr).toMatch(/täcks ännu inte/);
    expect(existsSync(path.join(root, "reports", "2024-05"))).toBe(false);
  });

  it("exits 1 when a source's path matches no file", () => {
    const root = project(`${GOOD}\n`, CONFIG().replace("../data/*.csv", "../data/none-*.csv"));
    const r = runCli(["run", "--config", "config/lagesbild.yaml", ...AT], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/polis/);
  });

  it("exits 2 naming the key path of a config error", () => {
    const root = project(`${GOOD}\n`, CONFIG().replace("population: 2000", "population: -5"));
    const r = runCli(["run", "--config", "config/lagesbild.yaml", ...AT], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/areas\[0\]\.population/);
  });

  it("exits 2 on an unknown config key", () => {
    const root = project(`${GOOD}\n`, CONFIG("supression: { min_count: 3 }"));
    const r = runCli(["run", "--config", "config/lagesbild.yaml", ...AT], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/supression/);
  });

  it.each([
    [["run", "--month", "2024-03", "--from", "2024-01"], /--month/],
    [["run", "--month", "mars"], /--month/],
    [["run", "--bogus"], /bogus/],
    [["frobnicate"], /Okänt kommando/],
  ])("exits 2 on a usage error: %j", (args, message) => {
    const root = project(`${GOOD}\n`);
    const r = runCli([...args, "--config", "config/lagesbild.yaml"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("prints help with exit 0", () => {
    const r = runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/lagesbild run/);
  });

  it("validate reports problems as file:line: reason and exits 0 when a run would succeed", () => {
    const root = project(`${GOOD}\n2024-03-01 10:00,Vapenbrott,Centrum\n`, CONFIG("max_rejected_share: 0.5"));
    const r = runCli(["validate", "--config", "config/lagesbild.yaml", "--month", "2024-03", ...AT], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/data\/a\.csv:22: unknown_category:Vapenbrott/);
    expect(r.stdout).toMatch(/sources\[0\]\.categories/);
    expect(existsSync(path.join(root, "reports"))).toBe(false);
  });

  it("keeps the previous output byte-identical when the same run is repeated (skipped, unchanged)", () => {
    const root = project(`${GOOD}\n`);
    runCli(["run", "--config", "config/lagesbild.yaml", "--month", "2024-03", ...AT], { cwd: root });
    const copy = mkdtempSync(path.join(tmpdir(), "lagesbild-copy-"));
    cpSync(path.join(root, "reports"), copy, { recursive: true });
    const r = runCli(["run", "--config", "config/lagesbild.yaml", "--month", "2024-03", ...AT], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/oförändrad/);
    expect(readFileSync(path.join(root, "reports", "manifest.json"))).toEqual(readFileSync(path.join(copy, "manifest.json")));
  });
});
