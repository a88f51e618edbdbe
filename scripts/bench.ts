/**
 * `npm run bench` (spec/indicators.md "Performance"): figures, not pass/fail.
 *
 *   npm run bench                 # 1 M and 10 M rows (the 10 M data takes minutes to generate once)
 *   BENCH_SIZES=1000000 npm run bench   # the quick look: 1 M only
 *   BENCH_RUNS=3                  # runs per figure; the best is printed (shared machines)
 *   BENCH_AREAS=312               # the many-area figures for these area counts only (default 6,50,312,600)
 *   BENCH_PARTS=areas             # only these parts: sizes (1 M/10 M), areas, suppression, render (default all four)
 *   BENCH_SUPPRESSION_AREAS=6,20,50   # the suppression plan's cost for these area counts (default 6,20,50)
 *
 * The many-area figures (issue 20): the 1 M-row data spread over N areas (bench/many-areas.ts; 6 is the
 * sample's own five areas and "okänt område"), each with DuckDB's GROUP BY of the same files, lagesbild
 * cold and warm (`--only data`), all with suppression off; at 312 areas also the full month (HTML and
 * charts) and the data run with suppression on (the HiGHS plan solved, then read from cache_dir).
 *
 * The suppression plan's cost by area count: a generated kommun (scripts/area-kommun.ts, 36 months
 * 2022-01..2024-12, k = 3), `--only data` with the plan solved from its first month (no cache), then one
 * added month (the plan cached through 2024-11, 2024-12 solved). A plan that takes longer than
 * BENCH_SUPPRESSION_TIMEOUT is printed as "stoppad efter N s".
 *
 * BENCH_KOMMUNER=290 adds a group run of all 290 kommuner from the national police events file in
 * ../shared/realdata (bench/kommuner.ts): wall time, peak RSS and time per kommun, `--only data` and full
 * HTML; skipped, saying so, when the real data is absent. BENCH_SIZES= (empty) leaves the row sizes out.
 *
 * Last, the month page's weight on a phone (bench/page-weight.ts): HTML + stylesheet + every image a
 * 390 px browser loads, for the sample kommun's latest rendered month.
 *
 * Data: scripts/generate-sample.ts --rows N into bench-data/<N>/ (gitignored), regenerated only when
 * the generator's sources or N changed. lagesbild reads the police files as they are (Windows-1252);
 * DuckDB cannot read Windows-1252 without its downloadable `encodings` extension, so it reads a UTF-8
 * copy made once (not timed) — the transcoding lagesbild does is part of its figure, not DuckDB's.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, createWriteStream } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeBenchConfig } from "./bench/bench-config.ts";
import { best, ChildTimedOut, runChild, type Measured } from "./bench/measure.ts";
import { ensureManyAreas } from "./bench/many-areas.ts";
import { describePageWeight, monthPageWeight } from "./bench/page-weight.ts";
import { benchKommuner } from "./bench/kommuner.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const list = (text: string) => text.split(",").filter((t) => t.trim() !== "");
const parts = new Set(list(process.env.BENCH_PARTS ?? "sizes,areas,suppression,render"));
const sizes = parts.has("sizes") ? list(process.env.BENCH_SIZES ?? "1000000,10000000").map(Number) : [];
const areaCounts = parts.has("areas") ? list(process.env.BENCH_AREAS ?? "6,50,312,600").map(Number) : [];
const runs = Number(process.env.BENCH_RUNS ?? 2);
const GENERATED_AT = "2026-11-02T06:00:00+01:00";
const MONTH = "2026-09";
const cli = path.join(root, "bin/lagesbild.js");

function generatorHash(rows: number): string {
  const h = createHash("sha256").update(String(rows));
  const files = [path.join(root, "scripts/generate-sample.ts"), ...readdirSync(path.join(root, "scripts/sample")).sort().map((f) => path.join(root, "scripts/sample", f))];
  for (const f of files) h.update(readFileSync(f));
  return h.digest("hex");
}

/** bench-data/<rows>/incidents, generated unless an identical set is already there. */
function ensureData(rows: number): string {
  const dir = path.join(root, "bench-data", String(rows));
  const stamp = path.join(dir, ".generator");
  const want = generatorHash(rows);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === want) return dir;
  console.log(`generating ${rows} rows into ${path.relative(root, dir)} …`);
  rmSync(dir, { recursive: true, force: true });
  runChild(["--import", "tsx", "scripts/generate-sample.ts", "--out", dir, "--rows", String(rows)], root);
  writeFileSync(stamp, want);
  return dir;
}

const policeFiles = (dir: string) => readdirSync(path.join(dir, "incidents")).filter((f) => f.startsWith("polis-")).sort().map((f) => path.join(dir, "incidents", f));

async function utf8Copy(dir: string): Promise<string> {
  // The DuckDB copy of a many-area set is its own: its area cells differ from the base's.
  const out = path.join(dir, "utf8");
  const stamp = path.join(out, ".done");
  if (existsSync(stamp)) return out;
  mkdirSync(out, { recursive: true });
  for (const f of policeFiles(dir)) {
    const decoder = new TextDecoder("windows-1252");
    const sink = createWriteStream(path.join(out, path.basename(f)));
    for await (const chunk of createReadStream(f, { highWaterMark: 1 << 20 })) sink.write(decoder.decode(chunk as Buffer, { stream: true }));
    await new Promise((resolve) => sink.end(resolve));
  }
  writeFileSync(stamp, "");
  return out;
}

/** bench-data/<rows>/single/polis-all.csv: the police files' rows in one file (one header), the same bytes otherwise. */
async function singleFile(dir: string): Promise<string> {
  const out = path.join(dir, "single");
  const stamp = path.join(out, ".done");
  if (existsSync(stamp)) return out;
  mkdirSync(out, { recursive: true });
  const sink = createWriteStream(path.join(out, "polis-all.csv"));
  for (const [i, f] of policeFiles(dir).entries()) {
    const bytes = readFileSync(f);
    const body = i === 0 ? bytes : bytes.subarray(bytes.indexOf(0x0a) + 1); // later files without their header
    if (!sink.write(body)) await new Promise<void>((resolve) => sink.once("drain", () => resolve()));
  }
  await new Promise((resolve) => sink.end(resolve));
  writeFileSync(stamp, "");
  return out;
}

async function hashSeconds(files: string[]): Promise<number> {
  const started = performance.now();
  for (const f of files) {
    const h = createHash("sha256");
    for await (const chunk of createReadStream(f, { highWaterMark: 1 << 18 })) h.update(chunk as Buffer);
    h.digest();
  }
  return (performance.now() - started) / 1000;
}

/**
 * `force`: rebuild the month even when nothing changed (every figure but "nothing changed" wants the
 * work done); without it a run with nothing changed stops at the up-to-date check (src/app/up-to-date.ts).
 */
function lagesbild(config: string, cwd: string, env?: Record<string, string>, full = false, timeoutSeconds?: number, force = true): Measured {
  const only = full ? [] : ["--only", "data"];
  return runChild([cli, "run", "--config", config, ...only, "--month", MONTH, "--generated-at", GENERATED_AT, ...(force ? ["--force"] : []), "--quiet", "--log-format", "json"], cwd, env, timeoutSeconds);
}
/** How long the suppression plan of the 312-area kommun may take before its figure is "more than" (BENCH_SUPPRESSION_TIMEOUT, s). */
const suppressionTimeout = Number(process.env.BENCH_SUPPRESSION_TIMEOUT ?? 600);

/** Bytes of every file under `dir`. */
function folderBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? folderBytes(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size;
  return total;
}
/** As deploy/ runs it: glibc's large allocations in huge pages (fresh memory is slow to fault in on a VM). */
const HUGE = { GLIBC_TUNABLES: "glibc.malloc.hugetlb=1" };

const rows: string[][] = [["figure", "seconds", "CPU s", "rows/s", "MB/s", "peak RSS MB", "× DuckDB"]];
const fmt = (n: number, d = 1) => n.toLocaleString("sv-SE", { maximumFractionDigits: d, minimumFractionDigits: d });
function add(label: string, m: Measured | number, rowCount?: number, mb?: number, duck?: number): void {
  const s = typeof m === "number" ? m : m.seconds;
  const rss = typeof m === "number" ? null : m.rssMb;
  const cpu = typeof m === "number" ? null : m.cpuSeconds;
  rows.push([label, fmt(s, 2), cpu === null ? "" : fmt(cpu, 2), rowCount ? fmt(rowCount / s, 0) : "", mb ? fmt(mb / s) : "", rss === null ? "" : fmt(rss, 0), duck ? `${fmt(s / duck, 1)}×` : ""]);
  print(rows.at(-1)!);
}
/** A figure stopped at its timeout: a row like the others, read "more than N s", with the CPU and memory used by then. */
function addStopped(label: string, error: ChildTimedOut): void {
  rows.push([`${label} – stoppad efter ${error.timeoutSeconds} s`, `> ${fmt(error.timeoutSeconds, 0)}`, error.cpuSeconds === null ? "" : `> ${fmt(error.cpuSeconds, 2)}`, "", "", error.rssMb === null ? "" : fmt(error.rssMb, 0), ""]);
  print(rows.at(-1)!);
}
/**
 * What one area adds (issue 20 item 4): CPU seconds (wall time where CPU is not measured) over those of
 * the 6-area kommun, per area added; without a 6-area figure, the whole per area.
 */
const sixAreas = new Map<string, number>();
function perArea(kind: string, n: number, m: Measured): string {
  const s = m.cpuSeconds ?? m.seconds;
  if (n === 6) {
    sixAreas.set(kind, s);
    return "";
  }
  const base = sixAreas.get(kind);
  return base === undefined ? `; ${fmt((s / n) * 1000, 1)} ms per area` : `; ${fmt(((s - base) / (n - 6)) * 1000, 1)} ms per area added`;
}
/** Each figure as soon as it is measured (a long bench that fails late keeps what it had); the table again at the end. */
function print(row: string[]): void {
  console.log(`  ${row.join(" | ")}`);
}

// One untimed start: after an edit of src/, the first run builds the bundle (bin/bundle.js), which no figure should include.
runChild([cli, "--version"], root);

for (const n of sizes) {
  const dir = ensureData(n);
  const files = policeFiles(dir);
  const all = readdirSync(path.join(dir, "incidents")).map((f) => path.join(dir, "incidents", f));
  const mb = all.reduce((s, f) => s + statSync(f).size, 0) / 1e6;
  const config = writeBenchConfig({ projectRoot: root, dataDir: dir });
  const noIds = writeBenchConfig({ projectRoot: root, dataDir: dir, withoutIds: true });
  const cache = path.join(dir, "var/cache");
  const u8 = await utf8Copy(dir);
  const duck = best(runs, () => runChild(["--import", "tsx", "scripts/bench/duckdb-child.ts", path.join(u8, "polis-*.csv")], root));
  const d = duck.seconds;
  const label = `${n / 1e6} M`;
  add(`${label}: DuckDB read_csv + GROUP BY, 2 threads (child, incl. start)`, duck, n, mb);
  add(`${label}: lagesbild run --only data, cold (no cache)`, best(runs, () => lagesbild(config, dir), () => rmSync(cache, { recursive: true, force: true })), n, mb, d);
  add(`${label}: lagesbild, cold, with ${HUGE.GLIBC_TUNABLES} (as deploy/)`, best(runs, () => lagesbild(config, dir, HUGE), () => rmSync(cache, { recursive: true, force: true })), n, mb, d);
  add(`${label}: lagesbild, cold, one thread`, best(1, () => lagesbild(config, dir, { LAGESBILD_WORKERS: "0" }), () => rmSync(cache, { recursive: true, force: true })), n, mb, d);
  add(`${label}: lagesbild, warm (nothing changed)`, best(runs, () => lagesbild(config, dir, undefined, false, undefined, false)), n, mb, d);
  add(`${label}: lagesbild, warm, --force (the month rebuilt from the cached sources)`, best(runs, () => lagesbild(config, dir)), n, mb, d);
  // As when one file changed: every other file's ids come from its per-file entry and are merged again.
  const mergedResults = path.join(cache, "sources");
  add(`${label}: lagesbild, warm without the merged result (ids loaded, merged)`, best(runs, () => lagesbild(config, dir), () => rmSync(mergedResults, { recursive: true, force: true })), n, mb, d);
  add(`${label}: lagesbild, cold, police ids not read`, best(1, () => lagesbild(noIds, dir), () => rmSync(cache, { recursive: true, force: true })), n, mb, d);
  await singleFile(dir);
  const single = writeBenchConfig({ projectRoot: root, dataDir: dir, singleFile: true });
  add(`${label}: lagesbild, cold, all police rows in one file (byte ranges)`, best(1, () => lagesbild(single, dir), () => rmSync(cache, { recursive: true, force: true })), n, mb, d);

  add(`${label}: sha256 of the input files (floor of a warm run)`, await hashSeconds(all), n, mb);
}

// Cost per area (issue 20): the same 1 M rows over 6 … 600 areas, suppression off as in the issue.
const folders: string[] = [];
/** Bytes under `dir` by kind of file (area pages, their charts, the month's charts, each other file). */
function folderBreakdown(dir: string): string {
  const kinds = new Map<string, number>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const rel = path.relative(dir, full);
        const kind = rel.startsWith("omrade/charts/") ? "omrade/charts/*.png" : rel.startsWith("omrade/") ? "omrade/*.html" : rel.startsWith("charts/") ? "charts/*.png" : rel;
        kinds.set(kind, (kinds.get(kind) ?? 0) + statSync(full).size);
      }
    }
  };
  walk(dir);
  return [...kinds].sort((a, b) => b[1] - a[1]).map(([k, b]) => `${k} ${fmt(b / 1e6, 2)} MB`).join(", ");
}
for (const n of areaCounts) {
  const base = ensureData(1_000_000);
  const many = n === 6 ? null : ensureManyAreas(base, n);
  const dir = many?.dir ?? base;
  const name = `bench-areas-${n}`;
  const areas = many === null ? {} : { areas: { list: many.areas, geojson: many.geojson } };
  const config = writeBenchConfig({ projectRoot: root, dataDir: dir, suppressionOff: true, name, ...areas });
  const cache = path.join(dir, "var/cache");
  const mb = policeFiles(dir).concat(readdirSync(path.join(dir, "incidents")).filter((f) => f.startsWith("kommun-")).map((f) => path.join(dir, "incidents", f))).reduce((s, f) => s + statSync(f).size, 0) / 1e6;
  const u8 = await utf8Copy(dir);
  const duck = best(runs, () => runChild(["--import", "tsx", "scripts/bench/duckdb-child.ts", path.join(u8, "polis-*.csv")], root));
  const label = `1 M, ${n} areas`;
  add(`${label}: DuckDB read_csv + GROUP BY, 2 threads`, duck, 1e6, mb);
  const cold = best(runs, () => lagesbild(config, dir), () => rmSync(cache, { recursive: true, force: true }));
  add(`${label}: lagesbild --only data, cold, suppression off${perArea("cold", n, cold)}`, cold, 1e6, mb, duck.seconds);
  // Once more without --force first, so the up-to-date record describes this configuration's run.
  lagesbild(config, dir, undefined, false, undefined, false);
  const warm = best(runs, () => lagesbild(config, dir, undefined, false, undefined, false));
  add(`${label}: lagesbild --only data, warm (nothing changed), suppression off${perArea("warm", n, warm)}`, warm, 1e6, mb, duck.seconds);
  add(`${label}: lagesbild --only data, warm, --force (month rebuilt from the cached sources)`, best(runs, () => lagesbild(config, dir)), 1e6, mb, duck.seconds);
  if (n !== 312) continue;
  // The monthly run as a kommun does it: HTML, charts and data, ingest from the cache. First with every
  // chart drawn (a new month: its figures, so its charts, are new), then re-run, the charts read from
  // cache_dir/charts (src/render/chart-store.ts).
  const charts = path.join(cache, "charts");
  add(`${label}: full month (HTML + charts), warm ingest, every chart drawn`, best(1, () => lagesbild(config, dir, undefined, true), () => rmSync(charts, { recursive: true, force: true })), 1e6, mb, duck.seconds);
  add(`${label}: full month re-run (charts from cache_dir), suppression off`, best(runs, () => lagesbild(config, dir, undefined, true)), 1e6, mb, duck.seconds);
  add(`${label}: full month, nothing changed (up-to-date check)`, best(runs, () => lagesbild(config, dir, undefined, true, undefined, false)), 1e6, mb, duck.seconds);
  folders.push(`${label}: the month's folder ${fmt(folderBytes(path.join(dir, "out", MONTH)) / 1e6)} MB (${folderBreakdown(path.join(dir, "out", MONTH))})`);
  // Suppression on (the config's min_count 3): its plan solved from the first covered month, then read from cache_dir.
  const suppressed = writeBenchConfig({ projectRoot: root, dataDir: dir, name: `${name}-suppression`, ...areas });
  try {
    add(`${label}: lagesbild --only data, warm, suppression on, plan solved`, best(1, () => lagesbild(suppressed, dir, undefined, false, suppressionTimeout), () => rmSync(path.join(cache, "suppression-plan.json"), { force: true })), 1e6, mb, duck.seconds);
    add(`${label}: lagesbild --only data, warm, suppression on, plan cached`, best(runs, () => lagesbild(suppressed, dir)), 1e6, mb, duck.seconds);
  } catch (error) {
    if (!(error instanceof ChildTimedOut)) throw error;
    addStopped(`${label}: lagesbild --only data, warm, suppression on, plan solved`, error);
  }
}

// The suppression plan by area count: a first plan of 35 months, then one added month.
for (const n of parts.has("suppression") ? list(process.env.BENCH_SUPPRESSION_AREAS ?? "6,20,50").map(Number) : []) {
  const dir = path.join(root, "bench-data", `suppression-${n}`);
  if (!existsSync(path.join(dir, "config/lagesbild.yaml"))) runChild(["--import", "tsx", "scripts/area-kommun.ts", "--out", dir, "--areas", String(n)], root);
  const config = path.join(dir, "config/lagesbild.yaml");
  const plan = path.join(dir, "var/cache/suppression-plan.json");
  const run = (month: string, timeout?: number) => runChild([cli, "run", "--config", config, "--only", "data", "--month", month, "--generated-at", "2025-01-02T06:00:00+01:00", "--force", "--quiet", "--log-format", "json"], dir, {}, timeout);
  const label = `suppression plan, ${n} areas`;
  // The plan runs through the run's month and a run that finds its months cached writes nothing, so
  // the added month is timed after a first plan through 2024-11 (a plan through 2024-12 would serve it).
  let step = `${label}: first plan, 35 months (2022-01..2024-11), --only data`;
  try {
    add(step, best(1, () => run("2024-11", suppressionTimeout), () => rmSync(plan, { force: true })));
    step = `${label}: one month added (2024-12, plan cached through 2024-11)`;
    add(step, best(1, () => run("2024-12", suppressionTimeout)));
  } catch (error) {
    if (!(error instanceof ChildTimedOut)) throw error;
    addStopped(step, error);
  }
}

// All kommuner of Sweden in one group run (opt-in: BENCH_KOMMUNER=290).
const kommunerCount = Number(process.env.BENCH_KOMMUNER ?? 0);
if (kommunerCount > 0) {
  const k = benchKommuner(root, cli, Math.min(290, kommunerCount), runs);
  if ("missing" in k) console.log(`SKIP BENCH_KOMMUNER: ${k.missing} saknas (../shared/realdata behövs för den nationella händelsefilen).`);
  else for (const r of k.rows) add(`${k.kommuner} kommuner: ${r.label}; ${fmt((r.m.seconds / k.kommuner) * 1000, 0)} ms per kommun`, r.m);
}

// Rendering: the sample kommun (config/lagesbild.yaml, data/), into a scratch output folder.
const renderOut = path.join(root, "bench-data/render-out");
let weight: Awaited<ReturnType<typeof monthPageWeight>> | undefined;
if (parts.has("render")) {
  const sample = (args: string[]) => runChild([cli, "run", "--config", "config/lagesbild.yaml", "--out", renderOut, "--generated-at", GENERATED_AT, "--quiet", "--log-format", "json", ...args], root);
  add("render one month (HTML + charts), sample kommun", best(runs, () => sample(["--month", MONTH, "--force"])));
  add("render 36 months cold (empty output folder)", best(1, () => sample(["--from", "2023-10", "--to", MONTH]), () => rmSync(renderOut, { recursive: true, force: true })));
  add("render 36 months warm (nothing changed)", best(runs, () => sample(["--from", "2023-10", "--to", MONTH])));
  add("lagesbild --version (start-up)", best(3, () => runChild([cli, "--version"], root)));
  // The month page's weight on a phone (issue 16: ≤ 500 KB), for the sample's latest month just rendered.
  weight = await monthPageWeight(renderOut);
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
for (const f of folders) console.log(f);
if (weight !== undefined) console.log(`\n${weight === null ? "month page weight: /usr/bin/chromium missing – not measured" : describePageWeight(weight)}`);
console.log(`\nbest of ${runs} runs per figure (one run for single-thread, no-ids, cold-range and charts-drawn figures); seconds are wall time, CPU s user + system (GNU time), the least of the runs; ${new Date().toISOString()}`);
