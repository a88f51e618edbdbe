/**
 * A run killed with SIGKILL at any moment leaves the previous output complete and consistent
 * (spec/outputs.md): after each kill, manifest.json lists exactly the published files with their
 * hashes, and each month's build record matches the indicators the month folder publishes (as they
 * are on disk, before any repair). A fresh run then repairs and completes.
 *
 * Each repetition flips one 2023-12 row (in the 24-month series of every month of the range), so every
 * month of 2024 is rebuilt, then kills the run after the k-th month's progress line plus a random delay.
 * Repetitions: LAGESBILD_KILL_REPS (default 5); odd repetitions render HTML, so the archive, feed and
 * charts are swapped too.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { expandBands } from "../../src/model/indicators-file.ts";
import { spawnCli } from "../helpers/spawn-cli.ts";
import { baseRows, editRow, rangeProject, writeRows } from "../fixtures/range/project.ts";

const REPS = Number(process.env.LAGESBILD_KILL_REPS ?? 5);
const ARGS = ["run", "--config", "config/lagesbild.yaml", "--from", "2024-01", "--to", "2024-12", "--log-format", "json", "--generated-at", "2025-01-02T06:00:00+01:00"];

interface ManifestJson {
  files: Array<{ path: string; sha256: string; size: number }>;
  months: Record<string, { indicators_sha256: string }>;
}

/** Files below `dir` as the manifest names them: `/`-separated, dot-files (temporaries, the lock) left out. */
function published(dir: string, rel = ""): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith(".")) return [];
    const child = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? published(dir, child) : child === "manifest.json" ? [] : [child];
  });
}

const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

/** Everything that is inconsistent between manifest.json and the files, as it was left on disk. */
function inconsistencies(out: string): string[] {
  const m = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")) as ManifestJson;
  const bad: string[] = [];
  const listed = m.files.map((f) => f.path).sort();
  const onDisk = published(out).sort();
  if (JSON.stringify(listed) !== JSON.stringify(onDisk)) bad.push(`listed ${listed.length} files, found ${onDisk.length}`);
  for (const f of m.files) {
    const full = path.join(out, f.path);
    if (!existsSync(full) || sha(readFileSync(full)) !== f.sha256) bad.push(`${f.path} differs`);
  }
  for (const [month, record] of Object.entries(m.months)) {
    // The canonical published indicators, recomputed here: indicators.json without generated_at, revision, sources.
    // The series' bands are written once per entry (src/model/indicators-file.ts); the hash is of the points' form.
    const onDisk = expandBands(JSON.parse(readFileSync(path.join(out, month, "indicators.json"), "utf8"))) as Record<string, unknown>;
    const { generated_at: _g, revision: _r, sources: _s, ...rest } = onDisk;
    const canonical = sha(`${JSON.stringify(rest, null, 2)}\n`);
    if (canonical !== record.indicators_sha256) bad.push(`${month}: record does not match its indicators.json`);
  }
  return bad;
}

describe("a run killed with SIGKILL mid-range", () => {
  it(`leaves a consistent output every time (${REPS} kills), and the next run completes it`, async () => {
    const root = rangeProject();
    const out = path.join(root, "reports");
    expect(runCli(ARGS, { cwd: root }).code).toBe(0); // the previous output: complete, with HTML
    let rows = baseRows();
    for (let rep = 0; rep < REPS; rep++) {
      rows = editRow(rows, "2023-12-01", { label: rows.find((r) => r.id === "2023-12-01")!.label === "Stöld" ? "Skadegörelse" : "Stöld" });
      writeRows(root, rows);
      const k = 1 + ((rep * 5) % 12); // the month whose progress line starts the countdown
      const delay = Math.floor(Math.random() * 60);
      const run = spawnCli(rep % 2 === 1 ? ARGS : [...ARGS, "--only", "data"], root);
      await run.waitFor(new RegExp(`"n":${k},`)).catch(() => undefined); // the run may finish first
      await new Promise((r) => setTimeout(r, delay));
      run.child.kill("SIGKILL");
      await run.exited;
      expect(inconsistencies(out), `repetition ${rep}, killed ${delay} ms after month ${k}`).toEqual([]);
    }
    const last = runCli(ARGS, { cwd: root });
    expect(last.code).toBe(0);
    expect(inconsistencies(out)).toEqual([]);
    expect(readdirSync(out).filter((f) => /^\d{4}-\d{2}$/.test(f))).toHaveLength(12);
    expect(readdirSync(out).filter((f) => f.startsWith(".new-") || f.startsWith(".old-"))).toEqual([]);
  }, 300_000);
});
