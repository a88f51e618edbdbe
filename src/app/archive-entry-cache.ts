/**
 * The archive page's and the feed's line for each published month (archive-entry.ts), remembered by the
 * sha256 of the month's `indicators.json`, so a run reads only the months whose file changed instead of
 * parsing every month ever published (issue 7: ~4 ms a month, 150 ms for three years, on every run).
 *
 * The sha256 comes from the manifest state, which matches the files on disk (checked at start-up,
 * updated on every write), so an entry is used only for exactly the content it was read from. Kept in
 * `cache_dir` (never published, safe to delete: a missing or damaged file means every month is read).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { VerdictSchema } from "../model/indicators.ts";
import { MEASURES } from "../core/measure.ts";
import { type ArchiveEntry, archiveEntry } from "../render/archive-entry.ts";
import { stringifyJson } from "../core/write-json.ts";
import { sha256Hex } from "../core/sha256-hex.ts";
import { outDirCacheFile } from "../core/out-dir-cache-file.ts";
import { indicatorsPath, archiveSource } from "../publish/read-indicators.ts";
import { writeFileAtomic } from "../core/write-file-atomic.ts";

const EntrySchema: z.ZodType<ArchiveEntry> = z.object({
  month: z.string(),
  headlines: z.array(
    z.object({
      measure: z.enum(MEASURES).nullable(),
      total: z.number().nullable(),
      change_pct: z.number().nullable(),
      verdict: VerdictSchema.nullable(),
      suppressed: z.boolean(),
    }),
  ),
  revision: z.number().int(),
  updated: z.string(),
});

const CacheFileSchema = z.object({
  /** v2: one headline per measure (v1 entries held one total of all measures and are never reused). */
  schema: z.literal("lagesbild.archive-entries/v2"),
  /** sha256 of a month's indicators.json → its entry. */
  entries: z.record(z.string(), EntrySchema),
});

export class ArchiveEntryCache {
  private readonly known = new Map<string, ArchiveEntry>();
  private readonly used = new Map<string, ArchiveEntry>();

  constructor(private readonly file: string | null) {
    if (file === null) return;
    try {
      const parsed = CacheFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
      if (parsed.success) for (const [digest, entry] of Object.entries(parsed.data.entries)) this.known.set(digest, entry);
    } catch {
      // No cache yet, or a damaged one: every month is read.
    }
  }

  /** The entry of `month` in `outDir`, whose indicators.json has sha256 `digest` (undefined: not known). */
  entry(outDir: string, month: string, digest: string | undefined): ArchiveEntry {
    const cached = digest === undefined ? undefined : this.known.get(digest);
    if (digest !== undefined && cached) {
      this.used.set(digest, cached);
      return cached;
    }
    const file = indicatorsPath(outDir, month);
    const bytes = readFileSync(file);
    const entry = archiveEntry(archiveSource(file, month, bytes));
    this.used.set(sha256Hex(bytes), entry);
    return entry;
  }

  /** Keeps the entries of the months read or reused in this run; a failure only costs speed. */
  save(): void {
    if (this.file === null) return;
    const entries = Object.fromEntries([...this.used].sort(([a], [b]) => (a < b ? -1 : 1)));
    try {
      writeFileAtomic(this.file, stringifyJson({ schema: "lagesbild.archive-entries/v2", entries }));
    } catch {
      // A read-only or full cache_dir must not fail a run that has already published.
    }
  }
}

/** Where the cache for `outDir` lives inside `cacheDir`. */
export function archiveEntryCachePath(cacheDir: string, outDir: string): string {
  return outDirCacheFile(cacheDir, "archive-entries", outDir);
}
