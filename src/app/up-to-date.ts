/**
 * The warm run's shortcut (issue 20): when nothing a run depends on changed since the last run on the
 * same output folder completed, the run says so and stops before ingesting or aggregating anything.
 * The regular skip rule (write-month.ts) needs the month's figures to decide, and at 312 areas building
 * them costs ~2 s; this check costs a few stat calls.
 *
 * What the run depends on, its "fingerprint":
 * - the program: the version, the bundle's stamp of src/ (bin/bundle.js: every source file's size and
 *   mtime, so an edited source never reuses an old result) and package.json / package-lock.json (the
 *   libraries that draw the charts);
 * - the config as loaded: its parsed content (the categories_from fragments merged in) and the polygons'
 *   sha256;
 * - each source file: its path, and its content by sha256, remembered by its stat (device, inode, size,
 *   mtime and ctime in ns: a write, rename or `touch` changes one of them, and then the file is read and
 *   hashed again, so a file touched without a change still counts as unchanged);
 * - the run's options: `--generated-at` (it decides `future_date`, coverage and the default month), the
 *   month flags and `--only data`; the months' commentary files, checked against the manifest's inputs.
 * The months the run built are recorded with their manifest records, and the whole manifest by its
 * digest: the shortcut applies only while the manifest is exactly as the run left it (so another run
 * on the folder, even one killed half-way that built other months but not the archive and feed, sends
 * the next run down the full path), every month's indicators.json is listed, and the start-up check
 * found nothing to repair (a damaged or missing output file, a deleted manifest). `--force` and a group
 * run (its sources are read once for all kommuner) never take the shortcut, nor does a source that
 * `lagesbild hamta` fills (its poll log is an input besides the files).
 *
 * Kept in `cache_dir` (never published, safe to delete), one file per output folder, written at the end
 * of a run in which every month succeeded, after the shared files. The manifest itself stays as the
 * spec has it: it is published, and its bytes are part of the golden output.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Config } from "../config/load-config.ts";
import { FileReportSchema, type IngestResult, type SourceFiles } from "../model/records.ts";
import { sourceFiles, type SourceListing } from "../ingest/source-files.ts";
import type { MonthRecord } from "../publish/manifest.ts";
import { writeFileAtomic } from "../core/write-file-atomic.ts";
import { stringifyJson } from "../core/write-json.ts";
import { at } from "../core/checked.ts";
import { buildStamp } from "../core/build-stamp.ts";
import { sha256Hex } from "../core/sha256-hex.ts";
import { sortedJson } from "../core/sorted-json.ts";
import { fileStatKey } from "../core/file-stat-key.ts";
import { outDirCacheFile } from "../core/out-dir-cache-file.ts";

const SCHEMA = "lagesbild.up-to-date/v1";

const RecordFileSchema = z.object({
  schema: z.literal(SCHEMA),
  out_dir: z.string(),
  /** sha256 of everything but the source files' contents (fingerprintKey). */
  key: z.string(),
  /** Absolute path → [stat key, sha256], in the order the sources list them. */
  inputs: z.array(z.tuple([z.string(), z.string(), z.string()])),
  /** sha256 of the manifest (its canonical JSON) as the run left it. */
  manifest: z.string(),
  /** The months the run built, with the manifest record each had when the run ended. */
  months: z.array(z.object({ month: z.string(), record: z.unknown() })),
  /** The files' row accounting and the warnings, for the run summary (spec/cli.md: every run prints them). */
  sources: z.array(z.object({ sourceId: z.string(), files: z.array(FileReportSchema) })),
  warnings: z.array(z.string()),
});
type RecordFile = z.infer<typeof RecordFileSchema>;

/** Where the record for `outDir` lives: one file per output folder, as file-hash-cache.ts keeps its. */
export function upToDatePath(cacheDir: string, outDir: string): string {
  return outDirCacheFile(cacheDir, "up-to-date", outDir);
}

/**
 * A source file's stat key (the output hashes' format), or null for any failure: a file the run
 * cannot stat only means no shortcut here; ingest then explains it as the run's problem.
 */
function statKey(file: string): string | null {
  try {
    return fileStatKey(file);
  } catch {
    return null;
  }
}

function fileSha256OrNull(file: string): string | null {
  try {
    return sha256Hex(readFileSync(file));
  } catch {
    return null;
  }
}

/** The digest of a manifest the record compares: its content, whatever the order of its keys. */
export function manifestDigest(manifest: unknown): string {
  return sha256Hex(sortedJson(manifest));
}

export interface RunInputs {
  /** The key without the source files' contents; null when the shortcut does not apply to this run. */
  key: string | null;
  /**
   * Each source's listing by id, for ingest to read instead of listing again (IngestOptions.listed), so
   * the files fingerprinted are exactly the files read; null when the run did not list them here.
   */
  listed: ReadonlyMap<string, SourceListing> | null;
}

/** Each source's files, absolute, in the order ingest reads them (the sources' order; ids are unique). */
export function inputFiles(inputs: RunInputs): string[] {
  return inputs.listed === null ? [] : [...inputs.listed.values()].flatMap((l) => l.files);
}

/**
 * The run's key: everything but the source files' contents. The files are listed by ingest's own glob
 * (source-files.ts `sourceFiles`), so they are exactly those the run would read; a matched folder or
 * FIFO it skips with a warning is part of the key through that warning.
 */
export async function runInputs(
  config: Config,
  input: { version: string; generatedAt: string; onlyData: boolean; months: { month?: string | undefined; from?: string | undefined; to?: string | undefined } },
): Promise<RunInputs> {
  const stamp = buildStamp();
  const polled = config.sources.some((s) => s.kind === "incidents" && s.fetch !== undefined);
  if (stamp === null || polled) return { key: null, listed: null };
  const listed = new Map<string, SourceListing>();
  for (const source of config.sources) {
    const warnings: string[] = [];
    listed.set(source.id, { files: await sourceFiles(config, source, (w) => warnings.push(w)), warnings });
  }
  // fileURLToPath, not .pathname: a project path with å/ä/ö or a space is %-escaped in the URL.
  const packageDir = fileURLToPath(new URL("../..", import.meta.url));
  const key = sha256Hex(
    sortedJson({
      schema: SCHEMA,
      version: input.version,
      stamp,
      package: fileSha256OrNull(path.join(packageDir, "package.json")),
      lock: fileSha256OrNull(path.join(packageDir, "package-lock.json")),
      // The polygons are held as their file's sha256: their parsed shapes are that file.
      config: { ...config, areaMap: config.areaMap === undefined ? null : { path: config.areaMap.path, sha256: config.areaMap.sha256, warnings: config.areaMap.warnings } },
      generatedAt: input.generatedAt,
      onlyData: input.onlyData,
      months: input.months,
      sources: [...listed].map(([id, l]) => [id, l.files, l.warnings]),
    }),
  );
  return { key, listed };
}

export interface UpToDate {
  months: Array<{ month: string; revision: number }>;
  /** The accounting the last full run printed, shaped as ingest's result for the summary (counts empty). */
  ingest: IngestResult;
}

/**
 * The months the last run built, when nothing they depend on changed since; null otherwise.
 * `recordOf`: the manifest's record of a month as opened at start-up, when its indicators.json is listed;
 * `commentaryChanged`: whether the month's commentary differs from its record's inputs.
 */
export function checkUpToDate(
  file: string,
  outDir: string,
  inputs: RunInputs,
  manifest: string,
  recordOf: (month: string) => MonthRecord | undefined,
  commentaryChanged: (month: string, record: MonthRecord) => boolean,
): UpToDate | null {
  if (inputs.key === null) return null;
  let saved: RecordFile;
  try {
    const parsed = RecordFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) return null;
    saved = parsed.data;
  } catch {
    return null;
  }
  const files = inputFiles(inputs);
  if (saved.key !== inputs.key || saved.manifest !== manifest || saved.out_dir !== path.resolve(outDir) || saved.inputs.length !== files.length) return null;
  let restamped = false;
  for (const [i, file] of files.entries()) {
    // Same length as files (compared above).
    const [savedPath, savedStat, savedSha] = at(saved.inputs, i);
    if (savedPath !== file) return null;
    const stat = statKey(file);
    if (stat === null) return null;
    if (stat === savedStat) continue;
    // Touched (copied back, re-exported with the same bytes, `touch`): unchanged if its bytes are.
    if (fileSha256OrNull(file) !== savedSha) return null;
    saved.inputs[i] = [file, stat, savedSha];
    restamped = true;
  }
  const months: UpToDate["months"] = [];
  for (const { month, record } of saved.months) {
    const now = recordOf(month);
    if (now === undefined || sortedJson(now) !== sortedJson(record) || commentaryChanged(month, now)) return null;
    months.push({ month, revision: now.revision });
  }
  if (months.length === 0) return null;
  if (restamped) writeRecord(file, saved);
  const ingest: IngestResult = {
    // Each source's files in the summary's order; the counts are not needed to print it.
    incidents: saved.sources.map((s) => ({ sourceId: s.sourceId, files: s.files, firstMonth: null, lastMonth: null, counts: new Map(), arealess: false })),
    warnings: saved.warnings,
  };
  return { months, ingest };
}

/** What recordUpToDate records of a run that completed. */
export interface CompletedRun {
  /** The record's file (upToDatePath) and the output folder it vouches for. */
  file: string;
  outDir: string;
  inputs: RunInputs;
  /** manifestDigest of the manifest as the run left it. */
  manifest: string;
  /** statInputs before ingest read the files. */
  statsBefore: ReadonlyArray<string | null>;
  sources: ReadonlyArray<SourceFiles>;
  /** The sha256 ingest took of a file as it read it (absolute path), if it read it. */
  fileHash: (absolute: string) => string | undefined;
  warnings: ReadonlyArray<string>;
  months: ReadonlyArray<{ month: string; record: MonthRecord }>;
}

/**
 * Records a completed run: its key, its source files' stat and sha256 (from ingest's reports, taken
 * only for a file whose stat did not change while it was read), its months' manifest records and the
 * accounting for the summary. Nothing is recorded when a file's hash cannot be vouched for.
 */
export function recordUpToDate(run: CompletedRun): void {
  const { file, outDir, inputs, manifest, statsBefore, sources, fileHash, warnings, months } = run;
  if (inputs.key === null) return;
  const entries: RecordFile["inputs"] = [];
  for (const [i, f] of inputFiles(inputs).entries()) {
    const stat = statKey(f);
    const sha = fileHash(f);
    if (stat === null || stat !== statsBefore[i] || sha === undefined) return;
    entries.push([f, stat, sha]);
  }
  writeRecord(file, {
    schema: SCHEMA,
    out_dir: path.resolve(outDir),
    key: inputs.key,
    manifest,
    inputs: entries,
    months: months.map((m) => ({ month: m.month, record: m.record })),
    sources: sources.map((s) => ({ sourceId: s.sourceId, files: s.files })),
    warnings: [...warnings],
  });
}

/** The files' stat keys before ingest reads them (recordUpToDate compares them after). */
export function statInputs(inputs: RunInputs): Array<string | null> {
  return inputFiles(inputs).map(statKey);
}

function writeRecord(file: string, record: RecordFile): void {
  try {
    writeFileAtomic(file, stringifyJson(record));
  } catch {
    // Only a cache: without it the next run takes the full path.
  }
}
