/**
 * The files of one `format: csv` incident source: hash and sniff each (the floor of any run); when
 * nothing changed, take the source's merged result from the cache (source-result-cache.ts); else take
 * each file's aggregate from the cache when its entry fits (incident-cache.ts), read the others (in
 * worker threads when there is enough to read, worker-pool.ts), then merge every file into the source's
 * accumulator in sorted file order, so the cross-file id rules are applied exactly as in a one-by-one
 * read, and write the quarantine in that order too.
 */
import { randomBytes } from "node:crypto";
import { rmSync, statSync } from "node:fs";
import path from "node:path";
import { projectRelative, resolveConfigPath, type Config } from "../../config/load-config.ts";
import type { IncidentSourceConfig } from "../../config/schema.ts";
import type { FileAggregate } from "./file-aggregate.ts";
import { IncidentAccumulator } from "../incident-accumulator.ts";
import { cacheKey, openIncidentCache, type CacheHit } from "./incident-cache.ts";
import { logFileRead } from "../each-file.ts";
import type { IngestOptions } from "../formats/source-format.ts";
import { openQuarantine } from "../quarantine.ts";
import { readIncidentFile, type IncidentFileTask } from "./read-incident-file.ts";
import { prepareIncidentLookups, type IncidentLookups } from "../formats/read-incidents-csv.ts";
import { openSourceResultCache, sourceResultKey } from "./source-result-cache.ts";
import type { IncidentSourceData } from "../../model/records.ts";
import { rangeCount, scanRanges } from "./split-file.ts";
import { readSplitFile } from "./read-split-file.ts";
import { openFilePool, workerCount, type FilePool } from "./worker-pool.ts";
import { at } from "../../core/checked.ts";

export type ScanFn = (absolute: string) => Promise<Omit<IncidentFileTask, "absolute" | "path" | "quarantinePart">>;

export async function readIncidentCsvFiles(
  config: Config,
  source: IncidentSourceConfig,
  files: readonly string[],
  opts: IngestOptions,
  scan: ScanFn,
  onError: (absolute: string, cause: unknown) => never,
): Promise<IncidentSourceData> {
  const cache = opts.cache ? openIncidentCache(resolveConfigPath(config, config.cache_dir), (msg, obj) => opts.log?.("debug", msg, obj)) : null;
  const quarantineDir = opts.quarantine ? resolveConfigPath(config, config.quarantine_dir) : null;
  const entries: Array<{ task: IncidentFileTask; key: string | null; size: number }> = [];
  const minRange = splitMinimum(opts.env);
  const sourceIndex = config.sources.findIndex((s) => s.id === source.id);
  const reading = new Map<IncidentFileTask, Promise<FileAggregate>>();
  let pool: FilePool | null = null;
  // Built only when files are read on this thread (no pool), after the pool is decided.
  let lookups: IncidentLookups | undefined;
  const readOne = (task: IncidentFileTask) =>
    pool !== null ? pool.read(config, sourceIndex, task, opts.now) : readIncidentFile(config, source, task, opts.now, lookups);
  /** Queues a file on the pool, in byte ranges when it is much larger than the share of a thread. */
  const dispatch = (task: IncidentFileTask, size: number, threads: number, target: number) => {
    const parts = threads >= 2 ? rangeCount(size, target, minRange) : 1;
    const split = parts >= 2 ? scanRanges(task.absolute, size, task.encoding, parts) : null;
    const started = split !== null ? readSplitFile(task, split, readOne, (msg, obj) => opts.log?.("debug", msg, obj)) : readOne(task);
    started.catch(() => {}); // awaited in order below
    reading.set(task, started);
  };
  // A cold run (issue 20): with no cache, or a cache folder that has no entry of any source yet, every
  // file will be read whatever its hash says, so the workers start now and each file is queued as soon
  // as its own scan (hash and encoding) is done: reading overlaps the scans of the files after it and
  // the workers' start-up, instead of waiting for all of them. Only the pool's size and the ranges'
  // target are taken from the sizes before the scans; what is read, and how it is merged, is the same.
  // Without threads (little to read) a cold run goes the ordinary way.
  const early = coldPlan(cache === null || !cache.hasEntries(), files, minRange, opts.env);
  if (early !== null) {
    pool = openFilePool(early.threads);
    opts.log?.("debug", `${source.id}: kall körning, ${files.length} filer läses medan de följande hashas`, { source: source.id, coldStart: true, threads: early.threads });
  }
  try {
    for (const absolute of files) {
      let scanned;
      let size: number;
      try {
        scanned = await scan(absolute);
        size = statSync(absolute).size;
      } catch (cause) {
        onError(absolute, cause);
      }
      const relative = projectRelative(config, absolute);
      const key = cache ? cacheKey(config, source, { path: relative, sha256: scanned.sha256 }) : null;
      // Rejected rows go to a part file, not memory (quarantine-part.ts); read into the cache, it becomes the entry's.
      const quarantinePart = cache !== null && key !== null ? cache.partPath(key) : quarantineDir !== null ? partIn(quarantineDir, source.id) : null;
      const task: IncidentFileTask = { absolute, path: relative, ...scanned, quarantinePart, size };
      entries.push({ task, key, size });
      if (early !== null) dispatch(task, size, early.threads, early.target);
    }
  } catch (error) {
    // A file that cannot be scanned ends the run: the reads already queued are let finish, then dropped.
    await Promise.allSettled(reading.values());
    await pool?.close();
    for (const t of entries) if (t.task.quarantinePart !== null) rmSync(t.task.quarantinePart, { force: true });
    throw error;
  }

  // Nothing changed since a run that merged these very entries: its result, without loading any ids.
  // With a cache every file has a key; without one the keys are not used.
  const keys = entries.flatMap((t) => (t.key !== null ? [t.key] : []));
  const sourceCache = cache ? openSourceResultCache(resolveConfigPath(config, config.cache_dir), keys.map(cache.quarantinePath), (msg, obj) => opts.log?.("debug", msg, obj)) : null;
  const sourceKey = sourceCache ? sourceResultKey(keys) : "";
  // A cold run has no merged result to find (and must not take one that appeared meanwhile: its reads are under way).
  const whole = early === null ? (sourceCache?.get(sourceKey, source.id, opts.now) ?? null) : null;
  if (whole !== null) {
    const quarantine = opts.quarantine ? openQuarantine(resolveConfigPath(config, config.quarantine_dir), source.id) : null;
    try {
      for (const [i, part] of whole.parts.entries()) {
        await quarantine?.appendPart?.(part);
        logFileRead({ opts, source }, at(whole.data.files, i), true);
      }
    } finally {
      await quarantine?.close();
    }
    return whole.data;
  }
  // In a cold run every file is read (queued above when there is a pool), whatever an entry written meanwhile says.
  const tasks = entries.map((t) => ({ ...t, cached: early === null && cache !== null && t.key !== null ? cache.open(t.key, opts.now) : null }));

  if (early === null) {
    const misses = tasks.filter((t) => t.cached === null);
    const bytes = misses.reduce((sum, t) => sum + t.size, 0);
    const threads = threadsFor(misses, bytes, minRange, opts.env);
    if (threads > 0) pool = openFilePool(threads);
    // With a pool every file is queued at once; without, each is read when the merge reaches it.
    // About two ranges per thread over all the bytes to read: a file much larger than that is split.
    if (pool !== null) for (const t of misses) dispatch(t.task, t.size, threads, bytes / (threads * 2));
  }
  if (pool === null) lookups = prepareIncidentLookups(config, source);

  const sink = new IncidentAccumulator();
  const temporary = new Set<string>();
  // Only what the merged-result entry needs: keeping the aggregates would keep their id arrays alive.
  const merged: Array<Pick<FileAggregate, "quarantine" | "maxPast" | "minFuture">> = [];
  const quarantine = opts.quarantine ? openQuarantine(resolveConfigPath(config, config.quarantine_dir), source.id) : null;
  try {
    for (const [i, t] of tasks.entries()) {
      // A hit's id arrays are loaded only now, and dropped after the merge (only the id texts stay).
      const loaded = t.cached?.load() ?? null;
      let agg = loaded;
      if (agg === null) {
        try {
          agg = await (reading.get(t.task) ?? readOne(t.task));
        } catch (cause) {
          onError(t.task.absolute, cause);
        }
        // Stored before the merge, which may reclassify rows of this file for later files' ids.
        const kept = cache !== null && t.key !== null && cache.put(t.key, agg);
        if (!kept && agg.quarantine.path !== null) temporary.add(agg.quarantine.path);
      }
      await quarantine?.appendPart?.(agg.quarantine);
      if (agg.quarantine.path !== null && temporary.delete(agg.quarantine.path)) rmSync(agg.quarantine.path, { force: true });
      if (i === 0 && tasks.length > 1) sink.expectIds(expectedIds(agg, tasks));
      sink.mergeFile(agg);
      logFileRead({ opts, source }, agg.report, loaded !== null);
      merged.push({ quarantine: agg.quarantine, maxPast: agg.maxPast, minFuture: agg.minFuture });
    }
  } finally {
    await quarantine?.close();
    await pool?.close();
    // Parts left by a failed run (a moved or appended part is already gone: no-op); workers are stopped above.
    for (const t of tasks) if (t.task.quarantinePart !== null) rmSync(t.task.quarantinePart, { force: true });
    for (const p of temporary) rmSync(p, { force: true });
  }
  const result = sink.result(source.id);
  // Stored only when every part is the per-file entry's own (a temporary part is gone after this run).
  if (sourceCache !== null && merged.every((a) => a.quarantine.path === null || !temporary.has(a.quarantine.path))) {
    sourceCache.put(sourceKey, { data: result, parts: merged.map((a) => a.quarantine) }, runTimeWindow(merged));
  }
  return result;
}

/**
 * Ids all files will bring, judged after the first: cached files know theirs, the others are taken at
 * the first file's ids per byte. Sizes the source's id table once instead of once per file.
 */
function expectedIds(first: FileAggregate, tasks: ReadonlyArray<{ size: number; cached: CacheHit | null }>): number {
  const perByte = first.idEnds.length / Math.max(1, at(tasks, 0).size);
  let ids = 0;
  for (const t of tasks) ids += t.cached !== null ? t.cached.ids : perByte * t.size;
  return Math.ceil(ids * 1.05);
}

/** The run times every file's aggregate serves (incident-cache.ts servesRunTime): the intersection. */
function runTimeWindow(aggs: ReadonlyArray<Pick<FileAggregate, "maxPast" | "minFuture">>): { maxPast: number | null; minFuture: number | null } {
  let maxPast: number | null = null;
  let minFuture: number | null = null;
  for (const a of aggs) {
    if (a.maxPast !== null && (maxPast === null || a.maxPast > maxPast)) maxPast = a.maxPast;
    if (a.minFuture !== null && (minFuture === null || a.minFuture < minFuture)) minFuture = a.minFuture;
  }
  return { maxPast, minFuture };
}

/** Worker threads for files of these sizes: a large file counts as several pieces of work (it may be read in byte ranges, split-file.ts). */
function threadsFor(files: ReadonlyArray<{ size: number }>, bytes: number, minRange: number, env: IngestOptions["env"]): number {
  return workerCount(files.reduce((n, t) => n + Math.max(1, Math.floor(t.size / minRange)), 0), bytes, env);
}

/**
 * A cold run's threads and range target from the files' sizes before they are scanned, or null when
 * the run is not cold (a cache entry may spare a read), there is too little to read for threads, or a
 * file cannot be sized (its scan reports it).
 */
function coldPlan(cold: boolean, files: readonly string[], minRange: number, env: IngestOptions["env"]): { threads: number; target: number } | null {
  if (!cold) return null;
  const sized: Array<{ size: number }> = [];
  try {
    for (const f of files) sized.push({ size: statSync(f).size });
  } catch {
    return null;
  }
  const bytes = sized.reduce((sum, t) => sum + t.size, 0);
  const threads = threadsFor(sized, bytes, minRange, env);
  return threads > 0 ? { threads, target: bytes / (threads * 2) } : null;
}

/** Bytes below which a range is not worth a thread's time: LAGESBILD_SPLIT_BYTES (for tests), else 32 MB. */
function splitMinimum(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const forced = env.LAGESBILD_SPLIT_BYTES;
  return forced !== undefined && /^\d+$/.test(forced) && Number(forced) > 0 ? Number(forced) : 32 * 1024 * 1024;
}

/** A part file of one input file's quarantine lines in `quarantine_dir` (outside the output), removed after the merge. */
function partIn(quarantineDir: string, sourceId: string): string {
  return path.join(quarantineDir, ".parts", `${sourceId}-${process.pid}-${randomBytes(6).toString("hex")}.part`);
}
