/**
 * serie.csv's rows of each published month (render/serie-csv.ts), remembered by the sha256 of the
 * month's `indicators.json`, so a run parses and validates only the months whose file changed: reading
 * every month through its schema costs ~25 ms a month (about a second for three years) on every run,
 * even one that changes nothing (the same reasoning as archive-entry-cache.ts, issue 7).
 *
 * The sha256 comes from the manifest state, which matches the files on disk. Kept in `cache_dir`
 * (never published, safe to delete: a missing or damaged file means every month is read again).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { SERIE_FILE, type SerieMonth, serieMonth } from "../render/serie-csv.ts";
import { stringifyJson } from "../core/write-json.ts";
import { sha256Hex } from "../core/sha256-hex.ts";
import { outDirCacheFile } from "../core/out-dir-cache-file.ts";
import { writeFileAtomic } from "../core/write-file-atomic.ts";
import { indicatorsPath, readIndicatorsFile } from "../publish/read-indicators.ts";

const MonthSchema: z.ZodType<SerieMonth> = z.object({
  month: z.string(),
  rows: z.array(
    z.object({
      area_id: z.string(),
      area: z.string(),
      category: z.string(),
      name: z.string(),
      measure: z.string(),
      count: z.number().nullable(),
      status: z.enum(["varde", "dold_litet", "dold_skyddar", "saknas"]),
    }),
  ),
});

const CacheFileSchema = z.object({
  schema: z.literal("lagesbild.serie-rows/v1"),
  /** sha256 of a month's indicators.json → its rows. */
  months: z.record(z.string(), MonthSchema),
});

/** A month's rows, or why it is left out of serie.csv (a Swedish sentence for the log). */
export type SerieMonthOrProblem = SerieMonth | { problem: string };

/**
 * Reads one month's published indicators through the schema. A file that does not parse (hand-edited,
 * or written by a version with another schema) is left out of the series with a message, never a
 * crash that would also stop the archive and the feed.
 */
export function readSerieMonth(outDir: string, month: string, bytes?: Buffer): SerieMonthOrProblem {
  try {
    const indicators = readIndicatorsFile(indicatorsPath(outDir, month), bytes);
    if (indicators !== null) return serieMonth(indicators);
  } catch {
    // serieMonth on a file the schema let through must not stop the archive and the feed either.
  }
  return {
    problem: `${SERIE_FILE}: ${month} tas inte med eftersom ${month}/indicators.json inte följer schemat lagesbild.indicators/v1. Bygg om månaden med lagesbild run --month ${month} --force.`,
  };
}

export class SerieRowsCache {
  private readonly known = new Map<string, SerieMonth>();
  private readonly used = new Map<string, SerieMonth>();

  constructor(private readonly file: string | null) {
    if (file === null) return;
    try {
      const parsed = CacheFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
      if (parsed.success) for (const [digest, m] of Object.entries(parsed.data.months)) this.known.set(digest, m);
    } catch {
      // No cache yet, or a damaged one: every month is read.
    }
  }

  /** The rows of `month`, whose indicators.json has sha256 `digest` (undefined: not known). */
  month(outDir: string, month: string, digest: string | undefined): SerieMonthOrProblem {
    const cached = digest === undefined ? undefined : this.known.get(digest);
    if (digest !== undefined && cached && cached.month === month) {
      this.used.set(digest, cached);
      return cached;
    }
    const bytes = readFileSync(path.join(outDir, month, "indicators.json"));
    const read = readSerieMonth(outDir, month, bytes);
    if (!("problem" in read)) this.used.set(sha256Hex(bytes), read);
    return read;
  }

  /** Keeps the months read or reused in this run; a failure only costs speed. */
  save(): void {
    if (this.file === null) return;
    const months = Object.fromEntries([...this.used].sort(([a], [b]) => (a < b ? -1 : 1)));
    try {
      writeFileAtomic(this.file, stringifyJson({ schema: "lagesbild.serie-rows/v1", months }));
    } catch {
      // A read-only or full cache_dir must not fail a run that has already published.
    }
  }
}

/** Where the cache for `outDir` lives inside `cacheDir`. */
export function serieRowsCachePath(cacheDir: string, outDir: string): string {
  return outDirCacheFile(cacheDir, "serie-rows", outDir);
}
