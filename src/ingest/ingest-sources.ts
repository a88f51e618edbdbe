/**
 * Ingestion of every source in the config: finds each source's files (its `path` glob, resolved
 * against the config's folder, read in sorted order as spec/inputs.md requires for cross-file ids),
 * hashes them, decides their encoding and hands each to the reader of its kind and format.
 * Kinds and formats without a reader yet are skipped with a Swedish warning.
 */
import { createReadStream } from "node:fs";
import { createHash } from "node:crypto";
import { projectRelative, resolveConfigPath, type Config } from "../config/load-config.ts";
import type { IncidentSourceConfig } from "../config/schema.ts";
import { LagesbildError } from "../core/errors.ts";
import { openRegularFile, readFailureReason } from "../core/read-regular-file.ts";
import { EncodingSniffer, type BadBytes, type Encoding } from "./decode-bytes.ts";
import { IncidentAccumulator } from "./incident-accumulator.ts";
import { openQuarantine } from "./quarantine.ts";
// The glob lives apart so that a run can list its inputs without loading the readers (cli/up-to-date.ts).
import { sourceFiles } from "./source-files.ts";
export { sourceFiles };
import { ingestExtraSource, isExtraSource } from "./ingest-extra-sources.ts";
import { readAggregatedCsv } from "./read-aggregated-csv.ts";
import { readIncidentCsvFiles } from "./read-incident-files.ts";
import { prepareIncidentLookups, readIncidentsCsv } from "./read-incidents-csv.ts";
import { preparePolisenLookups, readPolisenEvents } from "./read-polisen-events.ts";
import type { IncidentSourceData, IngestResult } from "./types.ts";
import { polledArchive } from "../fetch/polled-archive.ts";

export type LogFn = (level: "debug" | "info" | "warn", msg: string, obj?: Record<string, unknown>) => void;

export interface IngestOptions {
  /** The run's generated-at instant (epoch ms). */
  now: number;
  /** Write rejected rows to `quarantine_dir` (off for `validate`-style dry runs and tests). */
  quarantine: boolean;
  log?: LogFn;
  /**
   * Use the per-file aggregate cache in `cache_dir` for `format: csv` incident files (read-incident-files.ts).
   * Off unless asked: `run` uses it; `validate` and tests read every file.
   */
  cache?: boolean;
  /** For LAGESBILD_WORKERS (worker-pool.ts); the process's environment by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Sources already read by a group run, by id: a county's police events read once for all its
   * kommuner and split by kommun (read-shared-events.ts).
   */
  shared?: ReadonlyMap<string, IncidentSourceData>;
}

/** sha256 and encoding in one streaming pass over the bytes. */
export async function scanFile(absolute: string): Promise<{ sha256: string; encoding: Encoding; badBytes: BadBytes | null }> {
  const hash = createHash("sha256");
  const sniffer = new EncodingSniffer();
  // Opened non-blocking and fstat'ed first (issue 14.7): a FIFO swapped in after the glob must not hang the run.
  const fd = openRegularFile(absolute);
  for await (const chunk of createReadStream(absolute, { fd, highWaterMark: 1 << 18 })) {
    hash.update(chunk as Buffer);
    sniffer.update(chunk as Buffer);
  }
  return { sha256: hash.digest("hex"), encoding: sniffer.result(), badBytes: sniffer.badBytes() };
}

function unreadable(config: Config, sourceId: string, absolute: string, cause: unknown): LagesbildError {
  const reason = readFailureReason(cause);
  const file = projectRelative(config, absolute);
  return new LagesbildError("unreadable_file", `Källan ${sourceId}: filen ${file} kan inte läsas (${reason}); kontrollera att den finns och är läsbar.`, { cause, file });
}

async function ingestIncidentCsv(config: Config, source: IncidentSourceConfig, files: string[], opts: IngestOptions): Promise<IncidentSourceData> {
  if (source.format === "csv") {
    // Files read on their own (cache, worker threads) and merged in order: read-incident-files.ts.
    return readIncidentCsvFiles(config, source, files, opts, scanFile, (absolute, cause) => {
      if (cause instanceof LagesbildError) throw cause;
      if ((cause as NodeJS.ErrnoException).code !== undefined) throw unreadable(config, source.id, absolute, cause);
      throw cause;
    });
  }
  const sink = new IncidentAccumulator();
  const lookups = prepareIncidentLookups(config, source);
  // One reader per format (spec/inputs.md "Incidents"); the police-events lookups carry the
  // name+type duplicate rule across the source's files.
  const polisen = source.format === "polisen-events" ? preparePolisenLookups(config, source) : null;
  let arealess = false;
  const quarantine = opts.quarantine ? openQuarantine(resolveConfigPath(config, config.quarantine_dir), source.id) : null;
  try {
    for (const absolute of files) {
      const rel = projectRelative(config, absolute);
      let report;
      try {
        const file = { absolute, path: rel, ...(await scanFile(absolute)) };
        const read = { config, source, file, now: opts.now, sink, quarantine };
        if (polisen !== null) report = await readPolisenEvents({ ...read, lookups: polisen });
        else if (source.format === "aggregated-csv") {
          const aggregated = await readAggregatedCsv({ ...read, lookups });
          report = aggregated.report;
          arealess ||= aggregated.arealess;
        } else report = await readIncidentsCsv({ ...read, lookups });
      } catch (cause) {
        if (cause instanceof LagesbildError) throw cause;
        if ((cause as NodeJS.ErrnoException).code !== undefined) throw unreadable(config, source.id, absolute, cause);
        throw cause;
      }
      const t = report.tally;
      opts.log?.("info", `${rel}: ${t.read} rader lästa, ${t.accepted} godkända, ${t.ignored} ignorerade, ${t.rejected} avvisade`, {
        source: source.id, file: rel, encoding: report.encoding, ...t,
      });
    }
  } finally {
    await quarantine?.close();
  }
  return { ...sink.result(source.id), arealess };
}

/**
 * `await ingestSources(config, { now: Date.parse("2024-04-02T06:00:00+02:00"), quarantine: true })`.
 * Throws LagesbildError `no_files` when a source's path matches nothing, `unreadable_file` when a file
 * cannot be read (both exit 1: nothing may be published from partial data).
 */
export async function ingestSources(config: Config, opts: IngestOptions): Promise<IngestResult> {
  // The polygons' warnings (an area without a feature) join the sources' in the run summary.
  const result: IngestResult = { incidents: [], warnings: [...(config.areaMap?.warnings ?? [])] };
  for (const source of config.sources) {
    const shared = opts.shared?.get(source.id);
    if (shared !== undefined) {
      result.incidents.push(shared);
      continue;
    }
    const files = await sourceFiles(config, source, (w) => result.warnings.push(w));
    if (files.length === 0) {
      throw new LagesbildError(
        "no_files",
        `Källan ${source.id}: inga filer matchar ${source.path} (sökt i ${projectRelative(config, resolveConfigPath(config, source.path))}); ` +
          // A polled source's files come from `lagesbild hamta polisen`, not from an export.
          (source.kind === "incidents" && source.fetch !== undefined
            ? "kör lagesbild hamta polisen (och schemalägg den, se README) så att arkivet byggs upp."
            : "lägg exporten där eller rätta path i konfigurationen."),
      );
    }
    if (isExtraSource(source)) {
      // Survey, field-report and actions sources (ingest-extra-sources.ts).
      await ingestExtraSource(config, source, files, { ...opts, scan: scanFile }, result);
      continue;
    }
    const data = await ingestIncidentCsv(config, source, files, opts);
    // An archive built by `lagesbild hamta polisen` is bounded by its poll log (aggregate/poll-coverage.ts).
    const polled = source.fetch === undefined ? null : polledArchive(resolveConfigPath(config, source.path), config.timezone);
    result.incidents.push(polled === null ? data : { ...data, polled });
  }
  return result;
}
