/**
 * The per-file aggregate cache (`cache_dir`, spec/cli.md and spec/indicators.md "Performance"): one JSON
 * entry, with a binary of its id arrays beside it, per (incident file, the config parts that affect
 * reading it), holding the file's FileAggregate (file-aggregate.ts, stored by file-aggregate-codec.ts):
 * counts per group, row accounting with problems, ids with group/count/instant (so cross-file rules
 * stay exact on a hit); the file's scrubbed quarantine
 * lines sit beside it in `incidents-quarantine/<key>.csv` (so the quarantine is complete without
 * re-reading the file, and never has to be in memory). Safe to delete; a corrupt, stale or foreign entry fails zod
 * validation and is rebuilt. It lives outside the output folder (check-paths.ts) and is never published.
 *
 * The key covers what can change a file's reading: its bytes (sha256) and project-relative path (it is
 * in every problem), the source's format, columns, categories (after categories_from), ignore,
 * unknown_area, crs and position (`sources[i]` is in messages), the areas with names and aliases, the
 * polygons' hash, the kommun name, the timezone, and the program (package version + CACHE_FORMAT, to be
 * bumped whenever a reader's behaviour changes). The run time (`--generated-at`) is not in the key:
 * only `future_date` depends on it, so an entry records the latest instant that passed and the earliest
 * that failed, and serves any run time between them, exactly (a file with a typo such as 2052 is still
 * a hit next month; only a run time that crosses one of its instants rebuilds it).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, opendirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Config } from "../../config/load-config.ts";
import type { IncidentSourceConfig } from "../../config/schema.ts";
import { VERSION } from "../../core/version.ts";
import type { FileAggregate } from "./file-aggregate.ts";
import { loadAggregate, readBinary, StoredAggregateSchema, storeAggregate } from "./file-aggregate-codec.ts";
import { sha256Hex } from "../../core/sha256-hex.ts";

/** Bump when a reader's outcome for the same bytes and config changes. */
export const CACHE_FORMAT = 4; // 4: FileReport.dated (coverage from every dated row, any outcome)

const EntrySchema = z.object({ format: z.literal(CACHE_FORMAT), key: z.string(), aggregate: StoredAggregateSchema });

export interface CacheFile {
  path: string;
  sha256: string;
}

/** The entry's key: sha256 of the reading-relevant config parts and the file. */
export function cacheKey(config: Config, source: IncidentSourceConfig, file: CacheFile): string {
  const parts = {
    program: [VERSION, CACHE_FORMAT],
    file,
    source: {
      index: config.sources.findIndex((s) => s.id === source.id),
      format: source.format,
      columns: source.columns ?? null,
      categories: source.categories,
      ignore: source.ignore,
      unknown_area: source.unknown_area,
      crs: source.crs ?? null,
    },
    areas: config.areas.map((a) => [a.id, a.name, a.aliases]),
    areaMap: config.areaMap ? [config.areaMap.path, config.areaMap.sha256] : null,
    kommun: config.kommun.name,
    timezone: config.timezone,
  };
  return sha256Hex(JSON.stringify(parts));
}

/** A cache entry whose JSON part fits: `load` reads its id arrays (null when the binary is unreadable). */
export interface CacheHit {
  ids: number;
  load(): FileAggregate | null;
}

export interface IncidentCache {
  /**
   * The entry for `key` when its JSON part fits this run, without its id arrays yet: a run loads each
   * file's arrays only when the merge reaches it, so they are never all in memory at once.
   */
  open(key: string, now: number): CacheHit | null;
  /**
   * Stores the entry; its quarantine part (written where `partPath` said) is moved into the cache, and
   * `aggregate.quarantine.path` updated. False when nothing was stored (the part stays the caller's).
   */
  put(key: string, aggregate: FileAggregate): boolean;
  /** Where a file read for the cache writes its quarantine lines (same volume as the entry: a rename). */
  partPath(key: string): string;
  /** Where entry `key`'s quarantine lines are kept. */
  quarantinePath(key: string): string;
  /**
   * False when neither this cache nor the merged results beside it (source-result-cache.ts) hold
   * anything yet: no file of any source can be a hit, so a run reads every file (a cold run).
   */
  hasEntries(): boolean;
}

/** Whether `folder` exists and has at least one entry (read one, not the whole listing). */
function notEmpty(folder: string): boolean {
  let dir;
  try {
    dir = opendirSync(folder);
  } catch {
    return false;
  }
  try {
    return dir.readSync() !== null;
  } finally {
    dir.closeSync();
  }
}

/** A cache entry's text, or null when there is none yet. */
export function readEntry(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** An entry serves run time `now` when every row's `future_date` outcome is the same as when it was built. */
export function servesRunTime(agg: Pick<FileAggregate, "maxPast" | "minFuture">, now: number): boolean {
  return (agg.maxPast === null || agg.maxPast <= now) && (agg.minFuture === null || now < agg.minFuture);
}

export function openIncidentCache(dir: string, log?: (msg: string, obj?: Record<string, unknown>) => void): IncidentCache {
  const folder = path.join(dir, "incidents");
  const file = (key: string) => path.join(folder, `${key}.json`);
  const binary = (key: string) => path.join(folder, `${key}.bin`);
  const quarantineFolder = path.join(dir, "incidents-quarantine");
  const quarantineFile = (key: string) => path.join(quarantineFolder, `${key}.csv`);
  return {
    quarantinePath: quarantineFile,
    hasEntries: () => notEmpty(folder) || notEmpty(path.join(dir, "sources")),
    partPath(key) {
      return path.join(quarantineFolder, `.${key}.part-${process.pid}-${randomBytes(4).toString("hex")}`);
    },
    open(key, now) {
      const text = readEntry(file(key));
      if (text === null) return null;
      const unreadable = (error: unknown) => {
        log?.("cache entry unreadable, rebuilding", { key, error: String(error).slice(0, 200) });
        return null;
      };
      try {
        const entry = EntrySchema.parse(JSON.parse(text));
        if (entry.key !== key) throw new Error("key mismatch");
        if (!servesRunTime(entry.aggregate, now)) {
          log?.("cache entry built for another run time (future_date), rebuilding", { key });
          return null;
        }
        const stored = entry.aggregate;
        if (stored.quarantineRows > 0 && statSync(quarantineFile(key)).size !== stored.quarantineBytes) throw new Error("quarantine part changed");
        const load = () => {
          try {
            return loadAggregate(stored, readBinary(binary(key)), quarantineFile(key));
          } catch (error) {
            return unreadable(error);
          }
        };
        return { ids: stored.ids, load };
      } catch (error) {
        return unreadable(error);
      }
    },
    put(key, aggregate) {
      // Written beside its name and renamed: a crash leaves the old entry or none, never half a file.
      // The quarantine part first: an entry on disk always has its lines beside it (else get() misses).
      // The binary before the entry: an entry whose binary is from another write (stamp) is a miss.
      mkdirSync(folder, { recursive: true });
      const tmp = path.join(folder, `.${key}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
      const tmpBinary = `${tmp}.bin`;
      const part = aggregate.quarantine.path;
      try {
        if (part !== null) renameSync(part, quarantineFile(key));
        if (part !== null) aggregate.quarantine.path = quarantineFile(key);
        const stored = storeAggregate(aggregate, tmpBinary);
        writeFileSync(tmp, JSON.stringify({ format: CACHE_FORMAT, key, aggregate: stored }));
        renameSync(tmpBinary, binary(key));
        renameSync(tmp, file(key));
        return true;
      } catch (error) {
        rmSync(tmp, { force: true });
        rmSync(tmpBinary, { force: true });
        log?.("cache entry not written", { key, error: String(error).slice(0, 200) });
        return false; // the caller removes the part, wherever it now is
      }
    },
  };
}
