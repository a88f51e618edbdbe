/**
 * Ranges, incremental rebuilds and revisions on the small hand-made kommun of
 * test/fixtures/range/project.ts (every month: Centrum 5 Skadegörelse + 4 Stöld, Norr 3 + 6, kommun
 * 8 + 10). Ranges run with `--only data` except where the HTML report is what is tested.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { baseRows, editRow, rangeProject, writeRows } from "../fixtures/range/project.ts";

const AT = "2025-01-02T06:00:00+01:00";
const LATER = "2025-02-03T06:00:00+01:00";
const run = (root: string, args: string[], at = AT) =>
  runCli(["run", "--config", "config/lagesbild.yaml", "--log-format", "json", "--generated-at", at, ...args], { cwd: root });
const RANGE = ["--from", "2024-01", "--to", "2024-12", "--only", "data"];

/** Every file below `dir` with its bytes and mtime. */
function snapshot(dir: string): Map<string, { bytes: Buffer; mtime: number }> {
  const out = new Map<string, { bytes: Buffer; mtime: number }>();
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.join(rel, e.name);
      if (e.isDirectory()) walk(child);
      else out.set(child, { bytes: readFileSync(path.join(dir, child)), mtime: statSync(path.join(dir, child)).mtimeMs });
    }
  };
  walk("");
  return out;
}

const monthLines = (stdout: string) => stdout.split("\n").filter((l) => /^ {2}\d{4}-\d{2}: /.test(l)).map((l) => l.trim());
const indicators = (root: string, month: string) => JSON.parse(readFileSync(path.join(root, "reports", month, "indicators.json"), "utf8"));

describe("a scheduled run", () => {
  it("builds the previous calendar month in the config's zone: at 2025-01-01 00:30 Stockholm time, 2024-12", () => {
    const root = rangeProject();
    const r = run(root, ["--only", "data"], "2025-01-01T00:30:00+01:00");
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(root, "reports")).filter((f) => /^\d{4}-\d{2}$/.test(f))).toEqual(["2024-12"]);
  });
});

describe("a range", () => {
  // One project, run twice with the same range: the first run builds, the second skips.
  let root = "";
  let first: ReturnType<typeof run>;
  let second: ReturnType<typeof run>;
  let before: ReturnType<typeof snapshot>;
  beforeAll(() => {
    root = rangeProject();
    first = run(root, RANGE);
    before = snapshot(path.join(root, "reports"));
    second = run(root, RANGE, LATER);
  });

  it("builds every month, oldest first, and lists them in the summary", () => {
    expect(first.code).toBe(0);
    expect(monthLines(first.stdout)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, "0")}: skriven (revision 1) → reports/2024-${String(i + 1).padStart(2, "0")}/indicators.csv`));
  });

  it("logs its progress as month n of N", () => {
    const progress = first.stderr.split("\n").filter((l) => l.includes('"of":12')).map((l) => JSON.parse(l) as { n: number; month: string });
    expect(progress.map((p) => `${p.n}:${p.month}`)).toEqual(Array.from({ length: 12 }, (_, i) => `${i + 1}:2024-${String(i + 1).padStart(2, "0")}`));
  });

  it("run a second time, skips every month", () => {
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Månader: 0 skrivna, 12 oförändrade, 0 misslyckade/);
  });

  it("run a second time, touches no file (bytes and mtimes unchanged)", () => {
    expect(snapshot(path.join(root, "reports"))).toEqual(before);
  });

  it("fails with the failing month's exit code, keeps the other months and lists which failed", () => {
    // Three unknown categories in 2024-06 (a failure needs at least 3 rejected rows): 3 of 21 rows = 14.3 % > 1 %.
    const rows = [...baseRows(), ...["x-1", "x-2", "x-3"].map((id) => ({ id, date: "2024-06-28 12:00", label: "Vapenbrott", area: "Centrum" }))];
    const project = rangeProject(rows);
    const r = run(project, RANGE);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Månader: 11 skrivna, 0 oförändrade, 1 misslyckad/);
    expect(r.stdout).toMatch(/2024-06: misslyckades: Källan polis: 3 av 21 rader för 2024-06 avvisades/);
    expect(existsSync(path.join(project, "reports", "2024-06"))).toBe(false);
    expect(existsSync(path.join(project, "reports", "2024-05", "indicators.json"))).toBe(true);
    expect(existsSync(path.join(project, "reports", "2024-07", "indicators.json"))).toBe(true);
  });
});

describe("a changed input row", () => {
  // One Centrum Skadegörelse row of 2024-09 becomes Stöld: September 2024 is in the 24-month series of
  // 2024-09..2024-12 only, so exactly those four months publish different figures.
  const changed = () => editRow(baseRows(), "2024-09-01", { label: "Stöld" });
  let root = "";
  let rerun: ReturnType<typeof run>;
  let before: ReturnType<typeof snapshot>;
  beforeAll(() => {
    root = rangeProject();
    run(root, RANGE);
    before = snapshot(path.join(root, "reports"));
    writeRows(root, changed());
    rerun = run(root, RANGE, LATER);
  });

  // Issue 14.10 changed this contract: every month publishes the source file's sha256 and row
  // accounting (indicators.json `sources`, run.json), so every month that lists the edited file is
  // rewritten; only the months whose figures changed get a new revision.
  it("rewrites every month that publishes the edited file, as revision 2 exactly where figures changed", () => {
    expect(rerun.code).toBe(0);
    const lines = monthLines(rerun.stdout).map((l) => l.replace(/ → .*$/, ""));
    expect(lines).toEqual([
      ...["01", "02", "03", "04", "05", "06", "07", "08"].map((m) => `2024-${m}: skriven (revision 1)`),
      ...["09", "10", "11", "12"].map((m) => `2024-${m}: skriven (revision 2)`),
    ]);
    expect(indicators(root, "2024-08").revision).toBe(1);
    expect(indicators(root, "2024-12").revision).toBe(2);
  });

  it("gives the months whose figures did not change the file's new hash and the same figures", () => {
    const after = snapshot(path.join(root, "reports"));
    const polis = readdirSync(path.join(root, "data")).find((f) => f.startsWith("polis-"))!;
    const digest = createHash("sha256").update(readFileSync(path.join(root, "data", polis))).digest("hex");
    for (const m of ["01", "02", "03", "04", "05", "06", "07", "08"]) {
      const file = `2024-${m}/indicators.csv`;
      expect(after.get(file)!.bytes.equals(before.get(file)!.bytes), file).toBe(true);
      const now = indicators(root, `2024-${m}`);
      expect(now.revision).toBe(1);
      expect(now.sources[0].files[0].sha256).toBe(digest);
      const old = JSON.parse(before.get(`2024-${m}/indicators.json`)!.bytes.toString("utf8"));
      const figures = (i: Record<string, unknown>) => ({ ...i, generated_at: null, sources: null });
      expect(figures(now)).toEqual(figures(old));
      expect(old.sources[0].files[0].sha256).not.toBe(digest);
    }
  });

  it("adds a revision note in words to each rebuilt month", () => {
    const expected = {
      revision: 2,
      generated_at: LATER,
      changes: [
        "Skadegörelse (polisanmälda brott) i hela kommunen: 8 → 7 i september 2024",
        "Stöld (polisanmälda brott) i hela kommunen: 10 → 11 i september 2024",
        "Skadegörelse (polisanmälda brott) i Centrum: 5 → 4 i september 2024",
        "Stöld (polisanmälda brott) i Centrum: 4 → 5 i september 2024",
      ],
      more: 0,
    };
    for (const m of ["2024-09", "2024-10", "2024-11", "2024-12"]) {
      const notes = JSON.parse(readFileSync(path.join(root, "reports", m, "revisions.json"), "utf8"));
      expect(notes).toEqual({ schema: "lagesbild.revisions/v1", month: m, revisions: [expected] });
    }
    expect(existsSync(path.join(root, "reports", "2024-08", "revisions.json"))).toBe(false);
  });

  it("keeps earlier notes when the month is revised again", () => {
    const project = rangeProject();
    const only = ["--month", "2024-10", "--only", "data"];
    run(project, only);
    writeRows(project, changed());
    run(project, only, LATER);
    writeRows(project, baseRows()); // the row is put back
    run(project, only, "2025-03-03T06:00:00+01:00");
    const notes = JSON.parse(readFileSync(path.join(project, "reports", "2024-10", "revisions.json"), "utf8"));
    expect(notes.revisions.map((n: { revision: number; changes: string[] }) => [n.revision, n.changes[0]])).toEqual([
      [2, "Skadegörelse (polisanmälda brott) i hela kommunen: 8 → 7 i september 2024"],
      [3, "Skadegörelse (polisanmälda brott) i hela kommunen: 7 → 8 i september 2024"],
    ]);
  });

  it("rebuilds with --force, without a new revision when the figures did not change", () => {
    const r = run(root, ["--month", "2024-08", "--only", "data", "--force"], "2025-03-03T06:00:00+01:00");
    expect(r.stdout).toMatch(/2024-08: skriven \(revision 1\)/);
    expect(indicators(root, "2024-08").generated_at).toBe("2025-03-03T06:00:00+01:00");
  });
});

describe("a revised report", () => {
  it("says 'Reviderad <datum>' with what changed, and its feed entry is updated", () => {
    const root = rangeProject();
    run(root, ["--month", "2024-10"]);
    const feedBefore = readFileSync(path.join(root, "reports", "feed.xml"), "utf8");
    expect(feedBefore).toContain(`<updated>${AT}</updated>`);
    writeRows(root, editRow(baseRows(), "2024-09-01", { label: "Stöld" }));
    expect(run(root, ["--month", "2024-10"], LATER).code).toBe(0);
    const page = readFileSync(path.join(root, "reports", "2024-10", "index.html"), "utf8");
    expect(page).toContain("Reviderad 3 februari 2025 (revision 2): Skadegörelse (polisanmälda brott) i hela kommunen: 8 → 7 i september 2024;");
    const feed = readFileSync(path.join(root, "reports", "feed.xml"), "utf8");
    expect(feed).toContain(`<updated>${LATER}</updated>`);
    expect(feed).not.toContain(`<updated>${AT}</updated>`);
  });
});
