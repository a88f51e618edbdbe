/**
 * What every source format implements (STYLE.md "A list that grows lives in one registry"): which
 * sources it reads, and how it reads one source's files into the ingest result. Most formats read file
 * by file through the shared loop (each-file.ts: scan, decode, log line, unreadable-file error); the
 * registry (registry.ts) lists them all. Adding a format is its reader file with a `SourceFormat` at
 * its end and one line in the registry.
 */
import type { Config } from "../../config/load-config.ts";
import type { SourceConfig } from "../../config/schema.ts";
import type { IncidentSourceData, IngestResult } from "../../model/records.ts";
import type { SourceListing } from "../source-files.ts";

/** Where a source sits in the config (`sources[2]`): the key path its readers' messages tell the user to fix. */
export function sourceKeyPath(config: Pick<Config, "sources">, source: { id: string }): string {
  return `sources[${config.sources.findIndex((s) => s.id === source.id)}]`;
}

export type LogFn = (level: "debug" | "info" | "warn", msg: string, obj?: Record<string, unknown>) => void;

export interface IngestOptions {
  /** The run's generated-at instant (epoch ms). */
  now: number;
  /** Write rejected rows to `quarantine_dir` (off for `validate`-style dry runs and tests). */
  quarantine: boolean;
  log?: LogFn;
  /**
   * Use the per-file aggregate cache in `cache_dir` for `format: csv` incident files (_fast/).
   * Off unless asked: `run` uses it; `validate` and tests read every file.
   */
  cache?: boolean;
  /** For LAGESBILD_WORKERS (_fast/worker-pool.ts); the process's environment by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Sources already read by a group run, by id: a county's police events read once for all its
   * kommuner and split by kommun (read-shared-events.ts).
   */
  shared?: ReadonlyMap<string, IncidentSourceData>;
  /**
   * Sources already listed by id (sourceFiles, with its warnings): the files the run fingerprinted
   * (app/up-to-date.ts), read as listed instead of globbed a second time, so the record vouches for
   * exactly the files read. A file added since is read by the next run, whose listing differs.
   */
  listed?: ReadonlyMap<string, SourceListing> | null;
}

/** One source to read: its files (absolute, sorted), the run's options, and the result to add to. */
export interface SourceRun<S extends SourceConfig = SourceConfig> {
  config: Config;
  source: S;
  files: readonly string[];
  opts: IngestOptions;
  result: IngestResult;
}

export interface SourceFormat<S extends SourceConfig = SourceConfig> {
  /** Whether this format reads `source` (by its `kind` and `format`). */
  reads(source: SourceConfig): source is S;
  /** Reads the source's files into `run.result`; throws LagesbildError for an unreadable file. */
  ingest(run: SourceRun<S>): Promise<void>;
}
