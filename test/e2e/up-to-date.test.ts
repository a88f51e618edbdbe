/**
 * The warm run's shortcut (src/app/up-to-date.ts, issue 20): a run whose inputs, config, program and
 * options are those of the last completed run on the output folder stops before ingest, prints the same
 * summary as a run that reads everything and skips, and touches nothing; every kind of change sends the
 * run down the full path. On the small hand-made kommun of test/fixtures/range/project.ts (a police
 * export in Windows-1252 with CRLF and semicolons).
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { baseRows, editRow, exportBytes, rangeProject, writeRows } from "../fixtures/range/project.ts";

const AT = "2025-01-02T06:00:00+01:00";
const SHORTCUT = "Inget har ändrats sedan förra körningen";
/** Ingest's log line per file: present exactly when the files were read. */
const READ = /rader lästa/;

const run = (root: string, extra: string[] = [], at = AT) =>
  runCli(["run", "--config", "config/lagesbild.yaml", "--log-format", "json", "--generated-at", at, "--month", "2024-12", ...extra], { cwd: root });
const data = ["--only", "data"];

/** Every file below `dir` with its bytes and mtime. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.join(rel, e.name);
      if (e.isDirectory()) walk(child);
      else out.set(child, `${readFileSync(path.join(dir, child)).toString("base64")}@${statSync(path.join(dir, child)).mtimeMs}`);
    }
  };
  walk("");
  return out;
}

function tookShortcut(r: ReturnType<typeof run>): boolean {
  expect(r.code, r.stderr).toBe(0);
  const shortcut = r.stderr.includes(SHORTCUT);
  // Never both: the shortcut reads no file, the full path always reads them.
  expect(READ.test(r.stderr)).toBe(!shortcut);
  return shortcut;
}

const upToDateFiles = (root: string) => readdirSync(path.join(root, "var", "cache", "up-to-date")).map((f) => path.join(root, "var", "cache", "up-to-date", f));

describe("a run with nothing changed since the last one", () => {
  let root = "";
  let first: ReturnType<typeof run>;
  beforeAll(() => {
    root = rangeProject();
    first = run(root, data);
  });

  it("reads nothing, writes nothing, and prints the summary a full run that skips prints", () => {
    expect(tookShortcut(first)).toBe(false);
    expect(first.stdout).toContain("2024-12: skriven (revision 1)");
    const before = snapshot(path.join(root, "reports"));
    const warm = run(root, data);
    expect(tookShortcut(warm)).toBe(true);
    expect(snapshot(path.join(root, "reports"))).toEqual(before);
    // The same run with the record removed reads every file, finds the figures unchanged and skips.
    for (const f of upToDateFiles(root)) rmSync(f);
    const full = run(root, data);
    expect(tookShortcut(full)).toBe(false);
    expect(warm.stdout).toBe(full.stdout);
    // Per file: 24 months × 18 rows read and accepted, the counts the fixture was made with.
    expect(warm.stdout).toContain("data/polis-2023-2024.csv: 432 lästa, 432 godkända, 0 ignorerade, 0 avvisade");
    expect(warm.stdout).toContain("2024-12: oförändrad, hoppades över");
  });

  it("still takes it when a source file was touched but its bytes are the same", () => {
    const file = path.join(root, "data", "polis-2023-2024.csv");
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    expect(tookShortcut(run(root, data))).toBe(true);
    expect(tookShortcut(run(root, data))).toBe(true);
  });

  it("rebuilds when a row changed, then takes it again", () => {
    writeRows(root, editRow(baseRows(), "2024-12-01", { label: "Stöld" }));
    const changed = run(root, data);
    expect(tookShortcut(changed)).toBe(false);
    // Centrum 2024-12: one Skadegörelse row reported as Stöld: 4 and 5 instead of 5 and 4.
    const published = JSON.parse(readFileSync(path.join(root, "reports", "2024-12", "indicators.json"), "utf8"));
    expect(published.revision).toBe(2);
    expect(tookShortcut(run(root, data))).toBe(true);
  });

  it("takes the full path after another run changed the folder without recording itself", () => {
    // 2024-11 is written, 2025-01 is not covered (exit 4): that run records nothing, but the manifest
    // is no longer the one the 2024-12 run left, so its record no longer vouches for the folder.
    const other = runCli(["run", "--config", "config/lagesbild.yaml", "--log-format", "json", "--generated-at", "2025-02-03T06:00:00+01:00", "--from", "2024-11", "--to", "2025-01", ...data], { cwd: root });
    expect(other.code, other.stderr).toBe(4);
    expect(other.stdout).toContain("2024-11: skriven");
    expect(tookShortcut(run(root, data))).toBe(false);
    expect(tookShortcut(run(root, data))).toBe(true);
  });

  it("rebuilds on a new file matching the source's glob", () => {
    writeFileSync(path.join(root, "data", "polis-2025.csv"), exportBytes([]));
    expect(tookShortcut(run(root, data))).toBe(false);
    expect(tookShortcut(run(root, data))).toBe(true);
    rmSync(path.join(root, "data", "polis-2025.csv"));
    expect(tookShortcut(run(root, data))).toBe(false);
  });

  it("rebuilds on a changed config, but not on a comment added to it", () => {
    const config = path.join(root, "config", "lagesbild.yaml");
    appendFileSync(config, "# a note from the analyst\n");
    expect(tookShortcut(run(root, data))).toBe(true);
    writeFileSync(config, readFileSync(config, "utf8").replace("population: 10000", "population: 10100"));
    const r = run(root, data);
    expect(tookShortcut(r)).toBe(false);
    expect(r.stdout).toContain("2024-12: skriven");
    expect(tookShortcut(run(root, data))).toBe(true);
  });

  it("rebuilds with --force, another --generated-at, and a deleted or damaged output file", () => {
    expect(tookShortcut(run(root, [...data, "--force"]))).toBe(false);
    expect(tookShortcut(run(root, data, "2025-01-03T06:00:00+01:00"))).toBe(false);
    const csv = path.join(root, "reports", "2024-12", "indicators.csv");
    rmSync(csv);
    expect(tookShortcut(run(root, data))).toBe(false);
    expect(statSync(csv).size).toBeGreaterThan(0);
    appendFileSync(csv, "x");
    expect(tookShortcut(run(root, data))).toBe(false);
    expect(readFileSync(csv, "utf8").endsWith("x")).toBe(false);
    expect(tookShortcut(run(root, data))).toBe(true);
  });

  it("keeps the full report and the data-only run apart", () => {
    // The first full run after data-only builds the page; the next one finds it up to date.
    expect(tookShortcut(run(root))).toBe(false);
    expect(statSync(path.join(root, "reports", "2024-12", "index.html")).size).toBeGreaterThan(0);
    const before = snapshot(path.join(root, "reports"));
    expect(tookShortcut(run(root))).toBe(true);
    expect(snapshot(path.join(root, "reports"))).toEqual(before);
    expect(tookShortcut(run(root, data))).toBe(false);
  });
});
