/**
 * Ingestion of every source in the config: finds each source's files (its `path` glob, resolved
 * against the config's folder, read in sorted order as spec/inputs.md requires for cross-file ids),
 * hashes them, decides their encoding and hands each to the reader of its kind and format.
 * Kinds and formats without a reader yet are skipped with a Swedish warning.
 */
import { createReadStream } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { glob } from "tinyglobby";
import { projectRelative, resolveConfigPath, type Config } from "../config/load-config.ts";
import type { IncidentSourceConfig, SourceConfig } from "../config/schema.ts";
import { LagesbildError } from "../core/errors.ts";
import { EncodingSniffer, type Encoding } from "./decode-bytes.ts";
import { IncidentAccumulator } from "./incident-accumulator.ts";
import { openQuarantine } from "./quarantine.ts";
import { prepareIncidentLookups, readIncidentsCsv } from "./read-incidents-csv.ts";
import type { IncidentSourceData, IngestResult } from "./types.ts";

export type LogFn = (level: "debug" | "info" | "warn", msg: string, obj?: Record<string, unknown>) => void;

export interface IngestOptions {
  /** The run's generated-at instant (epoch ms). */
  now: number;
  /** Write rejected rows to `quarantine_dir` (off for `validate`-style dry runs and tests). */
  quarantine: boolean;
  log?: LogFn;
}

/** Code-unit order: the same on every machine, whatever its locale (spec/README.md non-negotiable 5). */
const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The files a source's `path` glob matches, absolute and sorted. */
export async function sourceFiles(config: Config, source: SourceConfig): Promise<string[]> {
  const pattern = resolveConfigPath(config, source.path);
  // Glob from the pattern's literal folder, so `../data/*.csv` works whatever the current directory.
  const parts = pattern.split(path.sep);
  const firstMagic = parts.findIndex((p) => /[*?[\]{}()!]/.test(p));
  const cwd = firstMagic < 0 ? path.dirname(pattern) : parts.slice(0, firstMagic).join(path.sep) || path.sep;
  const rest = firstMagic < 0 ? path.basename(pattern) : parts.slice(firstMagic).join("/");
  let files: string[];
  try {
    files = await glob(rest, { cwd, absolute: true, onlyFiles: true, expandDirectories: false });
  } catch (cause) {
    throw new LagesbildError("unreadable_file", `Källan ${source.id}: kan inte söka efter filer med ${source.path} (${String(cause)}).`, { cause });
  }
  return files.map((f) => path.resolve(f)).sort(byPath);
}

/** sha256 and encoding in one streaming pass over the bytes. */
export async function scanFile(absolute: string): Promise<{ sha256: string; encoding: Encoding }> {
  const hash = createHash("sha256");
  const sniffer = new EncodingSniffer();
  for await (const chunk of createReadStream(absolute, { highWaterMark: 1 << 18 })) {
    hash.update(chunk as Buffer);
    sniffer.update(chunk as Buffer);
  }
  return { sha256: hash.digest("hex"), encoding: sniffer.result() };
}

function unreadable(config: Config, sourceId: string, absolute: string, cause: unknown): LagesbildError {
  const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
  return new LagesbildError(
    "unreadable_file",
    `Källan ${sourceId}: filen ${projectRelative(config, absolute)} kan inte läsas (${reason}); kontrollera att den finns och är läsbar.`,
    { cause },
  );
}

async function ingestIncidentCsv(config: Config, source: IncidentSourceConfig, files: string[], opts: IngestOptions): Promise<IncidentSourceData> {
  const sink = new IncidentAccumulator();
  const lookups = prepareIncidentLookups(config, source);
  const quarantine = opts.quarantine ? openQuarantine(resolveConfigPath(config, config.quarantine_dir), source.id) : null;
  try {
    for (const absolute of files) {
      const rel = projectRelative(config, absolute);
      let report;
      try {
        const { sha256, encoding } = await scanFile(absolute);
        report = await readIncidentsCsv({
          config, source, file: { absolute, path: rel, sha256, encoding }, now: opts.now, sink, quarantine, lookups,
        });
      } catch (cause) {
        if (cause instanceof LagesbildError) throw cause;
        if ((cause as NodeJS.ErrnoException).code !== undefined) throw unreadable(config, source.id, absolute, cause);
        throw cause;
      }
      const t = report.tally;
      opts.log?.("info", `${rel}: ${t.read} rader lästa, ${t.accepted} godtagna, ${t.ignored} ignorerade, ${t.rejected} avvisade`, {
        source: source.id, file: rel, encoding: report.encoding, ...t,
      });
    }
  } finally {
    await quarantine?.close();
  }
  return sink.result(source.id);
}

/**
 * `await ingestSources(config, { now: Date.parse("2024-04-02T06:00:00+02:00"), quarantine: true })`.
 * Throws LagesbildError `no_files` when a source's path matches nothing, `unreadable_file` when a file
 * cannot be read (both exit 1: nothing may be published from partial data).
 */
export async function ingestSources(config: Config, opts: IngestOptions): Promise<IngestResult> {
  const result: IngestResult = { incidents: [], warnings: [] };
  for (const source of config.sources) {
    const format = source.kind === "incidents" || source.kind === "survey" ? source.format : undefined;
    if (!(source.kind === "incidents" && source.format === "csv")) {
      const what = format === undefined ? `typ ${source.kind}` : `format ${format}`;
      // Returned, not logged: the caller shows warnings in the summary and logs them once.
      result.warnings.push(`Källan ${source.id} (${what}) stöds inte ännu och hoppas över.`);
      continue;
    }
    const files = await sourceFiles(config, source);
    if (files.length === 0) {
      throw new LagesbildError(
        "no_files",
        `Källan ${source.id}: inga filer matchar ${source.path} (sökt i ${projectRelative(config, resolveConfigPath(config, source.path))}); lägg exporten där eller rätta path i konfigurationen.`,
      );
    }
    result.incidents.push(await ingestIncidentCsv(config, source, files, opts));
  }
  return result;
}
