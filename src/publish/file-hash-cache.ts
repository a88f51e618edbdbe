/**
 * The sha256 of the output folder's files, remembered by their stat, so checking `manifest.json`
 * against the folder at start-up (manifest-state.ts) reads only files that changed since the last run
 * instead of every file (issue 7: ~300 ms and growing with every month published).
 *
 * An entry is used only while the file's device, inode, size, mtime and ctime (nanoseconds) are all as
 * they were when it was hashed or written: a write, a rename into place, an editor's save or a
 * `touch -r` changes at least one of them, so a changed file is always read again. The stat is taken
 * before the file is read, so an edit during the read leaves a stale stat, never a stale hash.
 *
 * Kept in `cache_dir` (never published, safe to delete: a missing or damaged file means every file is
 * hashed, as before), one file per output folder, written once at the end of a run. `publish` does not
 * use it: it reads every file it copies.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { stringifyJson } from "../core/write-json.ts";
import { sha256Hex } from "../core/sha256-hex.ts";
import { writeFileAtomic } from "../core/write-file-atomic.ts";
import { readFileIfPresent } from "../core/read-file-if-present.ts";
import { fileStatKey } from "../core/file-stat-key.ts";
import { outDirCacheFile } from "../core/out-dir-cache-file.ts";

const CacheFileSchema = z.object({
  schema: z.literal("lagesbild.output-hashes/v1"),
  out_dir: z.string(),
  /** Relative path → [stat key, sha256]. */
  files: z.record(z.string(), z.tuple([z.string(), z.string()])),
});

export class FileHashCache {
  private readonly entries = new Map<string, [string, string]>();

  /** `file`: where the cache is kept, or null to hash every file every time (no cache). */
  constructor(
    private readonly outDir: string,
    private readonly file: string | null,
  ) {
    if (file === null) return;
    try {
      const parsed = CacheFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
      if (parsed.success && parsed.data.out_dir === outDir) {
        for (const [rel, entry] of Object.entries(parsed.data.files)) this.entries.set(rel, entry);
      }
    } catch {
      // No cache yet, or a damaged one: every file is hashed.
    }
  }

  /** The sha256 of `rel` (relative to the output folder), or null when there is no such file. */
  hash(rel: string): string | null {
    const full = path.join(this.outDir, rel);
    const key = fileStatKey(full);
    if (key === null) return null;
    const known = this.entries.get(rel);
    if (known && known[0] === key) return known[1];
    const content = readFileIfPresent(full);
    if (content === null) return null;
    const digest = sha256Hex(content);
    this.entries.set(rel, [key, digest]);
    return digest;
  }

  /** Records a file this run has just put in place with content of hash `digest`. */
  remember(rel: string, digest: string): void {
    const key = fileStatKey(path.join(this.outDir, rel));
    if (key === null) this.entries.delete(rel);
    else this.entries.set(rel, [key, digest]);
  }

  /** Writes the entries of the files in `keep` (the manifest's files); a failure only costs speed. */
  save(keep: Iterable<string>): void {
    if (this.file === null) return;
    const files: Record<string, [string, string]> = {};
    for (const rel of [...keep].sort()) {
      const entry = this.entries.get(rel);
      if (entry) files[rel] = entry;
    }
    try {
      writeFileAtomic(this.file, stringifyJson({ schema: "lagesbild.output-hashes/v1", out_dir: this.outDir, files }));
    } catch {
      // A read-only or full cache_dir must not fail a run that has already published.
    }
  }
}

/** Where the cache for `outDir` lives inside `cacheDir`. */
export function fileHashCachePath(cacheDir: string, outDir: string): string {
  return outDirCacheFile(cacheDir, "output-hashes", outDir);
}
