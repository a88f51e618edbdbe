/**
 * `lagesbild run`: ingest every source once, then build each requested month, oldest first. Months are
 * independent: a failing month leaves its folder, the archive and the manifest as they were, and the
 * months after it are still built (spec/cli.md). The run exits with the first failure's code.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildIndicators } from "../aggregate/build-indicators.ts";
import { sourceCoverage } from "../aggregate/coverage.ts";
import type { Indicators } from "../aggregate/indicators-schema.ts";
import { rejectedShare } from "../aggregate/rejected-share.ts";
import { suppressIndicators } from "../aggregate/suppress.ts";
import { type Config, loadConfig } from "../config/load-config.ts";
import { EXIT, type ExitCode, LagesbildError } from "../core/errors.ts";
import { type GeneratedAt, resolveGeneratedAt } from "../core/generated-at.ts";
import type { Logger } from "../core/logger.ts";
import { addMonths, monthIndex, type YearMonth } from "../core/month.ts";
import { VERSION } from "../core/version.ts";
import { ingestSources } from "../ingest/ingest-sources.ts";
import type { IngestResult } from "../ingest/types.ts";
import { renderIndicatorsCsv } from "../render/indicators-csv.ts";
import { renderMonthFiles } from "../render/render-month.ts";
import { buildRunJson } from "../render/run-json.ts";
import { stringifyJson } from "../render/write-json.ts";
import { acquireLock } from "../output/lock.ts";
import { type Manifest, type MonthRecord, readManifest, sha256 } from "../output/manifest.ts";
import { replaceFolder, repairInterruptedSwaps, writeFileAtomic } from "../output/write-atomic.ts";
import { writeSharedFiles } from "../output/write-shared-files.ts";
import { selectMonths } from "./month-selection.ts";

export interface RunOptions {
  config: string;
  month?: string;
  from?: string;
  to?: string;
  out?: string;
  generatedAt?: string;
  onlyData: boolean;
  force: boolean;
  /** Working directory for a relative `--out`; the process's by default. */
  cwd?: string;
}

export interface RunEffects {
  now: () => number;
  env: Readonly<Record<string, string | undefined>>;
  log: Logger;
}

export type MonthStatus = "written" | "skipped" | "failed";

export interface MonthOutcome {
  month: YearMonth;
  status: MonthStatus;
  revision?: number;
  error?: string;
  exitCode?: ExitCode;
  /** What the manifest records for a month written in this run. */
  record?: MonthRecord;
}

export interface RunResult {
  exitCode: ExitCode;
  config: Config;
  outDir: string;
  generatedAt: GeneratedAt;
  ingest: IngestResult;
  months: MonthOutcome[];
  lockWarning: string | null;
}

/** The output folder: `--out` (relative to the cwd), else `output.dir`, else `<project root>/reports`. */
export function resolveOutDir(config: Config, out: string | undefined, cwd: string): string {
  if (out !== undefined) return path.resolve(cwd, out);
  if (config.output.dir !== undefined) return path.resolve(config.configDir, config.output.dir);
  return path.join(config.projectRoot, "reports");
}

/** The latest month every required incident source covers. */
export function latestCoveredMonth(config: Config, ingest: IngestResult, currentMonth: YearMonth): YearMonth | null {
  let latest: number | null = null;
  for (const data of ingest.incidents) {
    const source = config.sources.find((s) => s.id === data.sourceId);
    if (source?.kind !== "incidents" || !source.required) continue;
    const to = sourceCoverage(data, source, currentMonth).to;
    if (to === null) return null;
    latest = latest === null ? monthIndex(to) : Math.min(latest, monthIndex(to));
  }
  return latest === null ? null : addMonths("0000-01", latest);
}

/** The hash of the parsed config as it affects outputs: machine-specific absolute paths left out. */
export function configHash(config: Config): string {
  const { configPath: _a, configDir: _b, projectRoot: _c, ...rest } = config;
  return sha256(JSON.stringify(rest));
}

/** `indicators.json` without `generated_at`, `revision` and `sources` (spec/outputs.md). */
export function canonicalIndicatorsHash(ind: Indicators): string {
  const { generated_at: _g, revision: _r, sources: _s, ...rest } = ind;
  return sha256(stringifyJson(rest));
}

function checkRejectedShares(config: Config, ingest: IngestResult, month: YearMonth): void {
  for (const data of ingest.incidents) {
    const share = rejectedShare(data.files, month);
    if (share.share > config.max_rejected_share) {
      const pct = (100 * share.share).toFixed(1).replace(".", ",");
      const limit = (100 * config.max_rejected_share).toFixed(1).replace(".", ",");
      throw new LagesbildError(
        "rejected_share",
        `Källan ${data.sourceId}: ${share.rejected} av ${share.base} rader för ${month} avvisades (${pct} %, gränsen är ${limit} %). ` +
          "Rätta raderna (kör lagesbild validate) eller höj max_rejected_share.",
      );
    }
  }
}

export async function run(opts: RunOptions, effects: RunEffects): Promise<RunResult> {
  const config = loadConfig(opts.config);
  const generatedAt = resolveGeneratedAt(opts.generatedAt, effects.env.SOURCE_DATE_EPOCH, effects.now(), config.timezone);
  // Usage errors in the month flags are reported before any file is read.
  selectMonths({ month: opts.month === "latest" ? undefined : opts.month, from: opts.from, to: opts.to }, generatedAt.month, () => null);
  const outDir = resolveOutDir(config, opts.out, opts.cwd ?? process.cwd());
  const lock = acquireLock(outDir);
  if (lock.warning) effects.log.warn(lock.warning);
  try {
    for (const repaired of repairInterruptedSwaps(outDir)) {
      effects.log.warn({ month: repaired }, `Återställde ${repaired} efter en avbruten körning.`);
    }
    const ingest = await ingestSources(config, {
      now: generatedAt.instant,
      quarantine: true,
      log: (level, msg, obj) => effects.log[level](obj ?? {}, msg),
    });
    for (const w of ingest.warnings) effects.log.warn(w);
    const months = selectMonths(opts, generatedAt.month, () => latestCoveredMonth(config, ingest, generatedAt.month));
    const manifest = readManifest(outDir);
    const outcomes: MonthOutcome[] = [];
    const started = Date.now();
    for (const [i, month] of months.entries()) {
      if (months.length > 1) {
        effects.log.info({ month, n: i + 1, of: months.length, elapsed_s: Math.round((Date.now() - started) / 1000) }, `Månad ${i + 1} av ${months.length}: ${month}`);
      }
      outcomes.push(await buildMonth(month, { config, ingest, generatedAt, outDir, opts, manifest, effects }));
    }
    const written = outcomes.filter((o) => o.status === "written").map((o) => o.month);
    if (written.length > 0 || !existsSync(path.join(outDir, "manifest.json"))) {
      const updated = new Map(outcomes.flatMap((o) => (o.record ? [[o.month, o.record] as const] : [])));
      writeSharedFiles({ config, outDir, generatedAt: generatedAt.iso, onlyData: opts.onlyData, manifest, updated });
    }
    const failed = outcomes.find((o) => o.status === "failed");
    return { exitCode: failed?.exitCode ?? EXIT.ok, config, outDir, generatedAt, ingest, months: outcomes, lockWarning: lock.warning };
  } finally {
    lock.release();
  }
}

interface MonthContext {
  config: Config;
  ingest: IngestResult;
  generatedAt: GeneratedAt;
  outDir: string;
  opts: RunOptions;
  manifest: Manifest | null;
  effects: RunEffects;
}

async function buildMonth(month: YearMonth, ctx: MonthContext): Promise<MonthOutcome> {
  const { config, ingest, generatedAt, outDir, opts, manifest, effects } = ctx;
  try {
    if (monthIndex(month) >= monthIndex(generatedAt.month)) {
      throw new LagesbildError("not_covered", `Månaden ${month} är inte slut ännu (körningens tid är ${generatedAt.iso}).`);
    }
    checkRejectedShares(config, ingest, month);
    const { indicators, notes } = buildIndicators({ config, month, generatedAt: generatedAt.iso, revision: 1, incidents: ingest.incidents });
    const indicatorsHash = canonicalIndicatorsHash(indicators);
    const cfgHash = configHash(config);
    const previous = manifest?.months[month];
    const folderExists = existsSync(path.join(outDir, month, "indicators.json"));
    if (
      !opts.force &&
      previous &&
      folderExists &&
      previous.indicators_sha256 === indicatorsHash &&
      previous.config_sha256 === cfgHash &&
      previous.version === VERSION &&
      (previous.data_only ?? false) === opts.onlyData
    ) {
      effects.log.info({ month }, `${month}: oförändrad, hoppas över`);
      return { month, status: "skipped", revision: previous.revision };
    }
    const revision = previous ? (previous.indicators_sha256 === indicatorsHash ? previous.revision : previous.revision + 1) : 1;
    const monthGeneratedAt = generatedAt.iso;
    const full: Indicators = { ...indicators, revision };
    const published = suppressIndicators(full, config.suppression, config.categories.map((c) => c.id));
    const sourceKinds = new Map(config.sources.map((s) => [s.id, { kind: s.kind, format: "format" in s ? s.format : undefined }]));
    const runJson = buildRunJson({ month, generatedAt: monthGeneratedAt, version: VERSION, ingest, sourceKinds });
    const target = path.join(outDir, month);
    if (opts.onlyData) {
      writeFileAtomic(path.join(target, "indicators.json"), stringifyJson(published));
      writeFileAtomic(path.join(target, "indicators.csv"), renderIndicatorsCsv(published));
      writeFileAtomic(path.join(target, "run.json"), stringifyJson(runJson));
    } else {
      const files = await renderMonthFiles(published, { config, notes, runJson });
      replaceFolder(target, files);
    }
    const record: MonthRecord = {
      revision,
      generated_at: monthGeneratedAt,
      version: VERSION,
      config_sha256: cfgHash,
      indicators_sha256: indicatorsHash,
      inputs: ingest.incidents.flatMap((s) => s.files.map((f) => ({ path: f.path, sha256: f.sha256 }))),
      ...(opts.onlyData ? { data_only: true } : {}),
    };
    effects.log.info({ month, revision }, `${month}: skriven (revision ${revision})`);
    return { month, status: "written", revision, record };
  } catch (error) {
    if (error instanceof LagesbildError) {
      effects.log.error({ month, code: error.code }, error.message);
      return { month, status: "failed", error: error.message, exitCode: error.exitCode };
    }
    throw error;
  }
}

/** Reads a month's published indicators (for the archive). */
export function readPublishedIndicators(outDir: string, month: YearMonth): Indicators | null {
  const file = path.join(outDir, month, "indicators.json");
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, "utf8")) as Indicators;
}
