/**
 * The files of one `format: csv` incident source: hash and sniff each (the floor of any run), take
 * each file's aggregate from the cache when its entry fits (incident-cache.ts), read the others (in
 * worker threads when there is enough to read, worker-pool.ts), then merge every file into the source's
 * accumulator in sorted file order, so the cross-file id rules are applied exactly as in a one-by-one
 * read, and write the quarantine in that order too.
 */
import { randomBytes } from "node:crypto";
import { rmSync, statSync } from "node:fs";
import path from "node:path";
import { projectRelative, resolveConfigPath, type Config } from "../config/load-config.ts";
import type { IncidentSourceConfig } from "../config/schema.ts";
import type { FileAggregate } from "./file-aggregate.ts";
import { IncidentAccumulator } from "./incident-accumulator.ts";
import { cacheKey, openIncidentCache } from "./incident-cache.ts";
import type { IngestOptions } from "./ingest-sources.ts";
import { openQuarantine } from "./quarantine.ts";
import { readIncidentFile, type IncidentFileTask } from "./read-incident-file.ts";
import { prepareIncidentLookups } from "./read-incidents-csv.ts";
import type { IncidentSourceData } from "./types.ts";
import { openFilePool, workerCount } from "./worker-pool.ts";

export type ScanFn = (absolute: string) => Promise<Omit<IncidentFileTask, "absolute" | "path" | "quarantinePart">>;

export async function readIncidentCsvFiles(
  config: Config,
  source: IncidentSourceConfig,
  files: string[],
  opts: IngestOptions,
  scan: ScanFn,
  onError: (absolute: string, cause: unknown) => never,
): Promise<IncidentSourceData> {
  const cache = opts.cache ? openIncidentCache(resolveConfigPath(config, config.cache_dir), (msg, obj) => opts.log?.("debug", msg, obj)) : null;
  const quarantineDir = opts.quarantine ? resolveConfigPath(config, config.quarantine_dir) : null;
  const tasks: Array<{ task: IncidentFileTask; key: string | null; cached: FileAggregate | null }> = [];
  for (const absolute of files) {
    let scanned;
    try {
      scanned = await scan(absolute);
    } catch (cause) {
      onError(absolute, cause);
    }
    const relative = projectRelative(config, absolute);
    const key = cache ? cacheKey(config, source, { path: relative, sha256: scanned.sha256 }) : null;
    // Rejected rows go to a part file, not memory (quarantine-part.ts); read into the cache, it becomes the entry's.
    const quarantinePart = key !== null ? cache!.partPath(key) : quarantineDir !== null ? partIn(quarantineDir, source.id) : null;
    const task: IncidentFileTask = { absolute, path: relative, ...scanned, quarantinePart };
    tasks.push({ task, key, cached: key !== null ? cache!.get(key, opts.now) : null });
  }

  const misses = tasks.filter((t) => t.cached === null);
  const bytes = misses.reduce((sum, t) => sum + statSync(t.task.absolute).size, 0);
  const threads = workerCount(misses.length, bytes, opts.env);
  const pool = threads > 0 ? openFilePool(threads) : null;
  const sourceIndex = config.sources.findIndex((s) => s.id === source.id);
  const lookups = pool === null ? prepareIncidentLookups(config, source) : undefined;
  const reading = new Map<IncidentFileTask, Promise<FileAggregate>>();
  const readOne = (task: IncidentFileTask) =>
    pool !== null ? pool.read(config, sourceIndex, task, opts.now) : readIncidentFile(config, source, task, opts.now, lookups);
  // With a pool every file is queued at once; without, each is read when the merge reaches it.
  if (pool !== null) for (const t of misses) reading.set(t.task, readOne(t.task).catch((e: unknown) => Promise.reject(e)));
  for (const p of reading.values()) p.catch(() => {}); // awaited in order below

  const sink = new IncidentAccumulator();
  const temporary = new Set<string>();
  const quarantine = opts.quarantine ? openQuarantine(resolveConfigPath(config, config.quarantine_dir), source.id) : null;
  try {
    for (const t of tasks) {
      let agg = t.cached;
      if (agg === null) {
        try {
          agg = await (reading.get(t.task) ?? readOne(t.task));
        } catch (cause) {
          onError(t.task.absolute, cause);
        }
        // Stored before the merge, which may reclassify rows of this file for later files' ids.
        const kept = t.key !== null && cache!.put(t.key, agg);
        if (!kept && agg.quarantine.path !== null) temporary.add(agg.quarantine.path);
      }
      await quarantine?.appendPart?.(agg.quarantine);
      if (agg.quarantine.path !== null && temporary.delete(agg.quarantine.path)) rmSync(agg.quarantine.path, { force: true });
      sink.mergeFile(agg);
      const r = agg.report;
      opts.log?.("info", `${r.path}: ${r.tally.read} rader lästa, ${r.tally.accepted} godtagna, ${r.tally.ignored} ignorerade, ${r.tally.rejected} avvisade`, {
        source: source.id, file: r.path, encoding: r.encoding, cached: t.cached !== null, ...r.tally,
      });
    }
  } finally {
    await quarantine?.close();
    await pool?.close();
    // Parts left by a failed run (a moved or appended part is already gone: no-op); workers are stopped above.
    for (const t of tasks) if (t.task.quarantinePart !== null) rmSync(t.task.quarantinePart, { force: true });
    for (const p of temporary) rmSync(p, { force: true });
  }
  return sink.result(source.id);
}

/** A part file of one input file's quarantine lines in `quarantine_dir` (outside the output), removed after the merge. */
function partIn(quarantineDir: string, sourceId: string): string {
  return path.join(quarantineDir, ".parts", `${sourceId}-${process.pid}-${randomBytes(6).toString("hex")}.part`);
}
