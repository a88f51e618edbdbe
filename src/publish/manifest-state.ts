/**
 * The output folder's `manifest.json`, kept true at every moment of a run (spec/outputs.md: "a run
 * killed at any moment leaves the previous output complete and consistent").
 *
 * Design: the manifest is held in memory and rewritten after every change, not once at the end. Each
 * change is prepared completely first (the new month folder built as `.new-<month>`, the new manifest
 * written and fsynced under a temporary name), then put in place by renames in immediate succession:
 * the folder swap, then the manifest. A SIGKILL can therefore only leave a mismatch inside a window of
 * two or three rename system calls; for that case, and for a manifest edited or deleted by hand,
 * `openManifestState` checks the manifest against the files on start-up (under the lock) and repairs
 * it from the files on disk, forgetting the build record of any month whose published indicators no
 * longer match it, so that month is rebuilt. That check reads only the files whose stat changed since
 * the last run (file-hash-cache.ts), not the whole folder.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Indicators } from "../model/indicators.ts";
import { stringifyJson } from "../core/write-json.ts";
import { publishedIndicatorsHash } from "./published-month.ts";
import { FileHashCache } from "./file-hash-cache.ts";
import { type HashOf, hashFiles, listPublishedFiles, MANIFEST_FILE, type Manifest, type MonthRecord, readManifest, verifyManifest } from "./manifest.ts";
import { sha256Hex } from "../core/sha256-hex.ts";
import { stageFile } from "../core/write-file-atomic.ts";
import { assertNoSymlinkOnPath, type StagedFolder } from "./write-atomic.ts";
import { utf8 } from "../core/utf8.ts";
import { isLagesbildFile } from "./known-files.ts";
import { indicatorsPath, readIndicatorsFile } from "./read-indicators.ts";

type FileEntry = Manifest["files"][number];
export interface OutputFile {
  /** Relative to the output folder, `/`-separated. */
  path: string;
  content: Buffer | string;
}

/**
 * A file a month keeps from its published folder unchanged (`--only data` keeps the pages and charts):
 * linked into the new folder, not read and written again, with the sha256 and size the manifest already
 * records for it (checked against the disk at start-up).
 */
export interface CarriedFile {
  path: string;
  /** The published file, an absolute path. */
  linkFrom: string;
  sha256: string;
  size: number;
}

export type MonthFile = OutputFile | CarriedFile;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class ManifestState {
  private readonly files = new Map<string, FileEntry>();
  private readonly months = new Map<string, MonthRecord>();
  private generatedAt: string;
  private readonly outDir: string;
  private readonly hashes: FileHashCache;

  constructor(outDir: string, manifest: Manifest | null, generatedAt: string, hashes: FileHashCache = new FileHashCache(outDir, null)) {
    this.outDir = outDir;
    this.hashes = hashes;
    this.generatedAt = manifest?.generated_at ?? generatedAt;
    for (const f of manifest?.files ?? []) this.files.set(f.path, f);
    for (const [m, r] of Object.entries(manifest?.months ?? {})) this.months.set(m, r);
  }

  record(month: string): MonthRecord | undefined {
    return this.months.get(month);
  }

  /** The sha256 of a published file as it is on disk now (checked at start-up, set on every write). */
  fileSha256(rel: string): string | undefined {
    return this.files.get(rel)?.sha256;
  }

  /** The sha256 and size the manifest records for a published file (as fileSha256). */
  fileEntry(rel: string): { sha256: string; size: number } | undefined {
    const f = this.files.get(rel);
    return f ? { sha256: f.sha256, size: f.size } : undefined;
  }

  toManifest(): Manifest {
    return {
      schema: "lagesbild.manifest/v1",
      generated_at: this.generatedAt,
      files: [...this.files.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([, f]) => f),
      months: Object.fromEntries([...this.months.entries()].sort(([a], [b]) => byCodeUnit(a, b))),
    };
  }

  /** Old month folders being deleted (commitMonth): each settles to null, or to the folder that could not be deleted and why. */
  private readonly removals: Array<Promise<{ folder: string; error: unknown } | null>> = [];

  /**
   * Waits for the old month folders' deletion (before the run ends and lets go of its lock); gives the
   * old folders that could not be deleted, for the run to say so.
   */
  async settle(): Promise<Array<{ folder: string; error: unknown }>> {
    const failed = await Promise.all(this.removals.splice(0));
    return failed.filter((f) => f !== null);
  }

  /** Swaps a staged month folder in and rewrites the manifest right after it. */
  commitMonth(month: string, folder: StagedFolder, files: ReadonlyArray<MonthFile>, record: MonthRecord, generatedAt: string): void {
    for (const p of [...this.files.keys()]) if (p.startsWith(`${month}/`)) this.files.delete(p);
    for (const f of files) {
      const rel = `${month}/${f.path}`;
      if ("linkFrom" in f) this.files.set(rel, { path: rel, sha256: f.sha256, size: f.size });
      else this.setFile(rel, f.content);
    }
    this.months.set(month, record);
    this.generatedAt = generatedAt;
    const manifest = this.stageManifest();
    folder.swap();
    manifest.commit();
    // The old folder is deleted while the run goes on (write-atomic.ts); settle() waits for it.
    this.removals.push(folder.cleanup().then(() => null, (error: unknown) => ({ folder: folder.old, error })));
    for (const f of files) {
      const rel = `${month}/${f.path}`;
      const entry = this.files.get(rel); // set for every file just above
      if (entry !== undefined) this.hashes.remember(rel, entry.sha256);
    }
  }

  /**
   * Replaces the shared files (archive, feed, stylesheet, …) whose content changed, then the manifest;
   * unchanged files are not touched (their mtime stays), and nothing is written when nothing changed.
   */
  commitShared(files: ReadonlyArray<OutputFile>, generatedAt: string): void {
    const changed = files.filter((f) => this.files.get(f.path)?.sha256 !== sha256Hex(f.content) || !existsSync(path.join(this.outDir, f.path)));
    if (changed.length > 0 || !existsSync(path.join(this.outDir, MANIFEST_FILE))) {
      for (const f of changed) assertNoSymlinkOnPath(this.outDir, path.join(this.outDir, f.path));
      const staged = changed.map((f) => stageFile(path.join(this.outDir, f.path), f.content));
      for (const f of changed) this.setFile(f.path, f.content);
      if (changed.length > 0) this.generatedAt = generatedAt;
      const manifest = this.stageManifest();
      for (const s of staged) s.commit();
      manifest.commit();
      for (const f of changed) {
        const entry = this.files.get(f.path); // set for every changed file just above
        if (entry !== undefined) this.hashes.remember(f.path, entry.sha256);
      }
    }
    // The end of every run: the next run's start-up check reads only files changed since now.
    this.hashes.save(this.files.keys());
  }

  private setFile(rel: string, content: Buffer | string): void {
    const bytes = typeof content === "string" ? utf8(content) : content;
    this.files.set(rel, { path: rel, sha256: sha256Hex(bytes), size: bytes.length });
  }

  private stageManifest() {
    return stageFile(path.join(this.outDir, MANIFEST_FILE), stringifyJson(this.toManifest()));
  }
}

/**
 * Problems that make a manifest disagree with the folder: changed, missing or unlisted files, and
 * listed files lagesbild does not write (a manifest from a version that adopted any file, or edited
 * by hand: issue 14.1). A file lagesbild does not write and the manifest does not list is no problem
 * of the manifest's; `openManifestState` reports it.
 */
export function manifestProblems(outDir: string, manifest: Manifest, hashOf?: HashOf): string[] {
  const foreign = manifest.files.filter((f) => !isLagesbildFile(f.path));
  const problems = foreign.map((f) => `${f.path}: står i manifest.json men skrivs inte av lagesbild`);
  problems.push(...verifyManifest(outDir, { ...manifest, files: manifest.files.filter((f) => isLagesbildFile(f.path)) }, hashOf));
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const f of listPublishedFiles(outDir)) if (!listed.has(f) && isLagesbildFile(f)) problems.push(`${f}: saknas i manifest.json`);
  return problems;
}

/**
 * Reads the manifest and, when it does not match the files (a crash inside the rename window, a hand
 * edit, a deleted manifest), rebuilds it from the files on disk. A month's build record survives only
 * if its `indicators_sha256` and `revision` still match the month's published `indicators.json` and
 * none of its files is missing, changed or unlisted.
 * `hashCacheFile`: where file-hash-cache.ts keeps the files' hashes between runs (null: none).
 */
export function openManifestState(
  outDir: string,
  generatedAt: string,
  hashCacheFile: string | null = null,
): { state: ManifestState; repairs: string[]; unknown: string[] } {
  const hashes = new FileHashCache(outDir, hashCacheFile);
  const hashOf: HashOf = (rel) => hashes.hash(rel);
  const manifest = readManifest(outDir);
  const all = listPublishedFiles(outDir);
  // Only files lagesbild writes are ever adopted (issue 14.1); the others are reported by the caller.
  const onDisk = all.filter(isLagesbildFile);
  const unknown = all.filter((f) => !isLagesbildFile(f));
  if (manifest === null && onDisk.length === 0) return { state: new ManifestState(outDir, null, generatedAt, hashes), repairs: [], unknown };
  const problems = manifest === null ? [`${MANIFEST_FILE}: saknas eller är ogiltig`] : manifestProblems(outDir, manifest, hashOf);
  if (problems.length === 0) return { state: new ManifestState(outDir, manifest, generatedAt, hashes), repairs: [], unknown };
  const months: Manifest["months"] = {};
  for (const [m, r] of Object.entries(manifest?.months ?? {})) {
    const published = readIndicatorsFile(indicatorsPath(outDir, m));
    // A month whose indicators.json is absent or damaged loses its record, so it is rebuilt. The
    // revision too: a skipped month reports its record's revision without reading the folder.
    // Any other file of the month missing, changed or unlisted (deleted or edited by hand) loses it
    // too: a skip would leave the folder broken, and rebuilding restores it (issue 20).
    const damaged = problems.some((p) => p.startsWith(`${m}/`));
    if (!damaged && published !== null && publishedIndicatorsHash(published) === r.indicators_sha256 && published.revision === r.revision) months[m] = r;
  }
  const repaired: Manifest = {
    schema: "lagesbild.manifest/v1",
    generated_at: manifest?.generated_at ?? generatedAt,
    files: hashFiles(outDir, onDisk, hashOf),
    months,
  };
  const state = new ManifestState(outDir, repaired, generatedAt, hashes);
  stageFile(path.join(outDir, MANIFEST_FILE), stringifyJson(state.toManifest())).commit();
  return { state, repairs: problems, unknown };
}
