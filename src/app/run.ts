/**
 * `lagesbild run`: ingest every source once, then build each requested month, oldest first. Months are
 * independent: a failing month leaves its folder, the archive and the manifest as they were, and the
 * months after it are still built (spec/cli.md). The run exits with the first failure's code.
 */
import path from "node:path";
import type { SuppressionPlan } from "../aggregate/suppress.ts";
import { checkOutputPaths } from "../config/check-paths.ts";
import { type Config, loadConfig, projectRelative, resolveConfigPath } from "../config/load-config.ts";
import { EXIT, type ExitCode, LagesbildError } from "../core/errors.ts";
import { errorCode } from "../core/error-facts.ts";
import { type GeneratedAt, resolveGeneratedAt } from "../core/generated-at.ts";
import type { Logger } from "../core/logger.ts";
import type { YearMonth } from "../core/month.ts";
import { VERSION } from "../core/version.ts";
import { cleanTemporaries } from "../ingest/clean-temporaries.ts";
import { allSourceFiles, type IncidentSourceData, type IngestResult } from "../model/records.ts";
import { acquireLock } from "../publish/lock.ts";
import type { MonthRecord } from "../publish/manifest.ts";
import { fileHashCachePath } from "../publish/file-hash-cache.ts";
import { openManifestState } from "../publish/manifest-state.ts";
import type { RevisionNote } from "../model/revisions.ts";
import { refuseSymlinks, repairInterruptedSwaps } from "../publish/write-atomic.ts";
import { unknownFileWarning } from "../publish/known-files.ts";
// Ingest, aggregation, suppression and rendering are imported where they are used, after the up-to-date
// check: a run that finds nothing changed never loads them (issue 20: loading them was half of its time).
import { selectMonths, singleMonthBeforeReading } from "./month-selection.ts";
import { areaPagesEnabled } from "../render/area-pages.ts";
import { type ProgressPoint, progressMessage, progressPoint } from "./progress.ts";
import { checkCommentaryPath, commentaryChanged, readCommentary } from "./read-commentary.ts";
import { checkUpToDate, manifestDigest, recordUpToDate, runInputs, statInputs, upToDatePath } from "./up-to-date.ts";
import { last } from "../core/checked.ts";

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
  /**
   * Reports progress through a range; by default a log line with the figures as fields (for JSON
   * logs). The CLI passes a plain one-line message for the pretty format on a terminal.
   */
  progress?: (point: ProgressPoint) => void;
  /** A group run's progress over its kommuner (group-run.ts), as a plain line; a log line by default. */
  groupProgress?: (line: string) => void;
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
  /** The revision note, when this run revised the month's published figures. */
  note?: RevisionNote;
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

/**
 * `prepared`: a group run (group-run.ts) passes each kommun's config, already validated, and the
 * shared sources it has read once for all kommuner.
 */
export async function run(opts: RunOptions, effects: RunEffects, prepared?: { config: Config; shared?: ReadonlyMap<string, IncidentSourceData> }): Promise<RunResult> {
  const config = prepared?.config ?? loadConfig(opts.config);
  const generatedAt = resolveGeneratedAt(opts.generatedAt, effects.env.SOURCE_DATE_EPOCH, effects.now(), config.timezone);
  // Usage errors in the month flags are reported before any file is read.
  selectMonths({ month: opts.month === "latest" ? undefined : opts.month, from: opts.from, to: opts.to }, generatedAt.month, () => null);
  checkCommentaryPath(config); // a typo in output.commentary is a config error (exit 2), before any file is read
  const outDir = resolveOutDir(config, opts.out, opts.cwd ?? process.cwd());
  // Refused layouts (src/config/check-paths.ts): the quarantine published, the output read back as input.
  const layout = checkOutputPaths(config, outDir, opts.out !== undefined ? "--out" : "output.dir");
  if (layout.length > 0) throw new LagesbildError("config", `Fel i konfigurationen ${config.configPath}:\n${layout.join("\n")}`);
  const lock = await acquireLock(outDir);
  if (lock.warning) effects.log.warn(lock.warning);
  let prestarted = false; // chart workers started ahead (render/area-chart-run.ts)
  let settle = async (): Promise<void> => undefined; // the old month folders' deletion (manifest-state.ts)
  try {
    // Before anything is written or repaired (issue 14.9): never write through a link.
    refuseSymlinks(outDir);
    for (const repaired of repairInterruptedSwaps(outDir)) {
      effects.log.warn({ month: repaired }, `Återställde ${repaired} efter en avbruten körning.`);
    }
    const cacheDir = resolveConfigPath(config, config.cache_dir);
    // What killed runs left half-written in the cache and the quarantine (clean-temporaries.ts).
    const cleaned = cleanTemporaries([cacheDir, resolveConfigPath(config, config.quarantine_dir)]);
    if (cleaned > 0) effects.log.info({ count: cleaned }, `Tog bort ${cleaned} tillfälliga filer som avbrutna körningar lämnat i cache- och karantänmapparna.`);
    const { state, repairs, unknown } = openManifestState(outDir, generatedAt.iso, fileHashCachePath(cacheDir, outDir));
    settle = async () => {
      for (const { folder, error } of await state.settle()) {
        const reason = errorCode(error) ?? String(error);
        effects.log.warn({ folder, error: reason }, `Kunde inte ta bort den ersatta mappen ${folder} (${reason}); den nya månaden är redan publicerad. Ta bort mappen för hand.`);
      }
    };
    for (const file of unknown) effects.log.warn({ file }, unknownFileWarning(file));
    if (repairs.length > 0) {
      effects.log.warn({ problems: repairs.slice(0, 10), count: repairs.length }, "manifest.json stämde inte med filerna (avbruten körning?) och har byggts om från filerna.");
    }
    // The warm run's shortcut (up-to-date.ts): nothing the run depends on changed since the last run
    // completed, so nothing is read or built. A group run reads its sources once for all kommuner.
    const upToDateFile = upToDatePath(cacheDir, outDir);
    const inputs =
      prepared === undefined
        ? await runInputs(config, { version: VERSION, generatedAt: generatedAt.iso, onlyData: opts.onlyData, months: { month: opts.month, from: opts.from, to: opts.to } })
        : { key: null, listed: null };
    const upToDate =
      opts.force || repairs.length > 0
        ? null
        : checkUpToDate(
            upToDateFile,
            outDir,
            inputs,
            manifestDigest(state.toManifest()),
            (m) => (state.fileSha256(`${m}/indicators.json`) === undefined ? undefined : state.record(m)),
            (m, record) => {
              try {
                return commentaryChanged(readCommentary(config, m), record.inputs);
              } catch {
                return true; // unreadable now: the full path reports it as the month's failure
              }
            },
          );
    if (upToDate !== null) {
      effects.log.info({ months: upToDate.months.map((m) => m.month) }, "Inget har ändrats sedan förra körningen (samma källfiler, konfiguration, version och tidpunkt): ingenting läses in eller byggs om.");
      for (const m of upToDate.months) effects.log.info({ month: m.month }, `${m.month}: oförändrad, hoppas över`);
      const months = upToDate.months.map((m): MonthOutcome => ({ month: m.month, status: "skipped", revision: m.revision }));
      return { exitCode: EXIT.ok, config, outDir, generatedAt, ingest: upToDate.ingest, months, lockWarning: lock.warning };
    }
    const statsBefore = statInputs(inputs);
    // A full run of one month with area pages: the area charts' workers start now, so their start-up
    // overlaps the reading and aggregation below (render/area-chart-run.ts decides whether the month
    // will draw its charts). `--month latest` is known only after reading: its workers start later.
    const month = opts.onlyData ? undefined : singleMonthBeforeReading(opts, generatedAt.month);
    if (month !== undefined && areaPagesEnabled(config)) {
      const { prestartAreaChartWorkers } = await import("../render/area-chart-run.ts");
      const { chartStoreFor } = await import("../render/chart-store.ts");
      prestartAreaChartWorkers(chartStoreFor(cacheDir), month, config.areas.length, (obj, message) => effects.log.warn(obj, message));
      prestarted = true;
    }
    const { ingestSources } = await import("../ingest/ingest-sources.ts");
    const { latestCoveredMonth } = await import("../aggregate/month-verdict.ts");
    const { buildMonth } = await import("./build-month.ts");
    const ingest = await ingestSources(config, {
      now: generatedAt.instant,
      quarantine: true,
      cache: true, // per-file aggregates in cache_dir (src/ingest/incident-cache.ts)
      env: effects.env,
      log: (level, msg, obj) => effects.log[level](obj ?? {}, msg),
      shared: prepared?.shared,
      // The files just fingerprinted: listed once, so the record below vouches for exactly these.
      listed: inputs.listed,
    });
    for (const w of ingest.warnings) effects.log.warn(w);
    const months = selectMonths(opts, generatedAt.month, () => latestCoveredMonth(config, ingest, generatedAt.month));
    const outcomes: MonthOutcome[] = [];
    // One suppression plan for the whole range, built with the first month (src/aggregate/suppress.ts).
    const planBox: { plan?: SuppressionPlan | null } = {};
    const started = effects.now();
    for (const [i, month] of months.entries()) {
      if (months.length > 1) {
        const point = progressPoint(month, i + 1, months.length, effects.now() - started);
        if (effects.progress) effects.progress(point);
        else effects.log.info(point, progressMessage(point));
      }
      outcomes.push(await buildMonth(month, { config, ingest, generatedAt, outDir, opts, state, effects, lastMonth: last(months), plan: planBox }));
    }
    // The archive, feed and other shared files are rendered every run and replaced only where their
    // content changed, so a range interrupted before this point is completed by the next run.
    const { ArchiveEntryCache, archiveEntryCachePath } = await import("./archive-entry-cache.ts");
    const { SerieRowsCache, serieRowsCachePath } = await import("./serie-rows-cache.ts");
    const { renderSharedFiles } = await import("./write-shared-files.ts");
    const entries = new ArchiveEntryCache(archiveEntryCachePath(cacheDir, outDir));
    const serie = new SerieRowsCache(serieRowsCachePath(cacheDir, outDir));
    const digest = (m: string) => state.fileSha256(`${m}/indicators.json`);
    state.commitShared(
      opts.onlyData
        ? []
        : renderSharedFiles(config, outDir, (m) => entries.entry(outDir, m, digest(m)), (m) => serie.month(outDir, m, digest(m)), (w) => effects.log.warn(w)),
      generatedAt.iso,
    );
    if (!opts.onlyData) {
      entries.save();
      serie.save();
    }
    const failed = outcomes.find((o) => o.status === "failed");
    const records = outcomes.flatMap((o) => {
      const record = state.record(o.month);
      return record === undefined ? [] : [{ month: o.month, record }];
    });
    if (failed === undefined && records.length === outcomes.length) {
      const sources = allSourceFiles(ingest);
      const hashes = new Map(sources.flatMap((s) => s.files.map((f): [string, string] => [f.path, f.sha256])));
      recordUpToDate({
        file: upToDateFile,
        outDir,
        inputs,
        manifest: manifestDigest(state.toManifest()),
        statsBefore,
        sources,
        fileHash: (absolute) => hashes.get(projectRelative(config, absolute)),
        warnings: ingest.warnings,
        months: records,
      });
    }
    return { exitCode: failed?.exitCode ?? EXIT.ok, config, outDir, generatedAt, ingest, months: outcomes, lockWarning: lock.warning };
  } finally {
    // Workers started ahead that no month took (a failed or skipped month).
    if (prestarted) await (await import("../render/area-chart-run.ts")).stopWaitingChartWorkers();
    await settle();
    lock.release();
  }
}
