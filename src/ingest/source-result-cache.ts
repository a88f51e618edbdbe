/**
 * The merged result of one incident source for one exact, ordered list of per-file cache entries
 * (incident-cache.ts): its counts per group and its files' reports after the cross-file id rules. A
 * monthly run where nothing changed then loads one small entry instead of every file's ids and
 * merging them again (issue 7: "warm run close to the time it takes to hash the input files"); a run
 * where one file changed misses here and merges from the per-file entries, which stay exact.
 *
 * The key is the ordered list of per-file keys, each of which already covers the file's bytes, path
 * and every config part that affects its reading: the merge depends on nothing else. Like the per-file
 * entries it records the run-time window in which no row's `future_date` outcome changes, and each
 * file's quarantine part (which lives beside the per-file entry) by its row and byte counts.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { QuarantinePart } from "./file-aggregate.ts";
import { CACHE_FORMAT, readEntry, servesRunTime } from "./incident-cache.ts";
import { FileReportSchema, type IncidentSourceData } from "./types.ts";

const EntrySchema = z.object({
  format: z.literal(CACHE_FORMAT),
  key: z.string(),
  files: z.array(FileReportSchema),
  counts: z.array(z.tuple([z.string(), z.number()])),
  firstMonth: z.string().nullable(),
  lastMonth: z.string().nullable(),
  parts: z.array(z.object({ rows: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() })),
  maxPast: z.number().nullable(),
  minFuture: z.number().nullable(),
});

export interface CachedSourceResult {
  data: IncidentSourceData;
  /** Each file's quarantine part, in file order (path null when it has no rejected rows). */
  parts: QuarantinePart[];
}

/** The key of a source's merged result: its per-file keys, in file order. */
export function sourceResultKey(fileKeys: readonly string[]): string {
  return createHash("sha256").update(JSON.stringify(["source", CACHE_FORMAT, fileKeys])).digest("hex");
}

export interface SourceResultCache {
  get(key: string, sourceId: string, now: number): CachedSourceResult | null;
  put(key: string, result: CachedSourceResult, window: { maxPast: number | null; minFuture: number | null }): void;
}

/**
 * `quarantinePaths[i]` is where file i's part lives (the per-file entry's); a part whose size is not
 * the recorded one makes the entry a miss.
 */
export function openSourceResultCache(dir: string, quarantinePaths: readonly string[], log?: (msg: string, obj?: Record<string, unknown>) => void): SourceResultCache {
  const folder = path.join(dir, "sources");
  const file = (key: string) => path.join(folder, `${key}.json`);
  return {
    get(key, sourceId, now) {
      const text = readEntry(file(key));
      if (text === null) return null;
      try {
        const entry = EntrySchema.parse(JSON.parse(text));
        if (entry.key !== key || entry.parts.length !== quarantinePaths.length || entry.files.length !== quarantinePaths.length) throw new Error("key mismatch");
        if (!servesRunTime(entry, now)) return null;
        const parts = entry.parts.map(({ rows, bytes }, i): QuarantinePart => {
          if (rows === 0) return { rows, bytes, path: null };
          if (statSync(quarantinePaths[i]!).size !== bytes) throw new Error("quarantine part changed");
          return { rows, bytes, path: quarantinePaths[i]! };
        });
        const { files, firstMonth, lastMonth } = entry;
        return { data: { sourceId, files, firstMonth, lastMonth, counts: new Map(entry.counts), arealess: false }, parts };
      } catch (error) {
        log?.("source cache entry unreadable, merging again", { key, error: String(error).slice(0, 200) });
        return null;
      }
    },
    put(key, { data, parts }, window) {
      mkdirSync(folder, { recursive: true });
      const tmp = path.join(folder, `.${key}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
      try {
        const entry = {
          format: CACHE_FORMAT,
          key,
          files: data.files,
          counts: [...data.counts],
          firstMonth: data.firstMonth,
          lastMonth: data.lastMonth,
          parts: parts.map(({ rows, bytes }) => ({ rows, bytes })),
          ...window,
        };
        writeFileSync(tmp, JSON.stringify(entry));
        renameSync(tmp, file(key));
      } catch (error) {
        rmSync(tmp, { force: true });
        log?.("source cache entry not written", { key, error: String(error).slice(0, 200) });
      }
    },
  };
}
