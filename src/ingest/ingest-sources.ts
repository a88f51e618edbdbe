/**
 * Ingestion of every source in the config: finds each source's files (its `path` glob, resolved
 * against the config's folder, read in sorted order as spec/inputs.md requires for cross-file ids) and
 * hands them to the format that reads the source (formats/registry.ts), which reads them through the
 * one loop over files (each-file.ts).
 */
import path from "node:path";
import { escapePath, glob } from "tinyglobby";
import { splitSourceGlob } from "../config/check-paths.ts";
import { projectRelative, resolveConfigPath, type Config } from "../config/load-config.ts";
import type { SourceConfig } from "../config/schema.ts";
import { LagesbildError } from "../core/errors.ts";
import type { IngestResult } from "../model/records.ts";
import { formatOf } from "./formats/registry.ts";
import type { IngestOptions } from "./formats/source-format.ts";
import { notAFileMessage, skippedEntryWarning, specialEntries, statKind } from "./source-entry-kind.ts";

export type { IngestOptions, LogFn } from "./formats/source-format.ts";

/** Code-unit order: the same on every machine, whatever its locale (spec/README.md non-negotiable 5). */
const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The files a source's `path` glob matches, absolute and sorted. Matched entries that are no regular
 * file (a folder, FIFO, socket) are skipped with a `warn`ing naming them; a literal path (no wildcard)
 * that is one is a `no_files` error (exit 1) saying what it is (source-entry-kind.ts).
 */
export async function sourceFiles(config: Config, source: SourceConfig, warn?: (w: string) => void): Promise<string[]> {
  // Glob from the pattern's literal folder, so `../data/*.csv` works whatever the current directory and
  // whatever the project folder is called (splitSourceGlob: `proj (kopia)` is a name, not a pattern).
  const { base: cwd, pattern: globPattern, literal } = splitSourceGlob(config.configDir, source.path);
  const firstMagic = literal ? -1 : 0;
  // A literal file name is matched literally too: brackets or braces in it are escaped.
  const rest = literal ? escapePath(globPattern) : globPattern;
  let entries: string[];
  try {
    entries = [
      ...(await glob(rest, { cwd, absolute: true, onlyFiles: false, expandDirectories: false })),
      ...(await specialEntries(cwd, rest)),
    ];
  } catch (cause) {
    throw new LagesbildError("unreadable_file", `Källan ${source.id}: kan inte söka efter filer med ${source.path} (${String(cause)}).`, { cause });
  }
  const files: string[] = [];
  for (const entry of entries.map((f) => path.resolve(f)).sort(byPath)) {
    const kind = await statKind(entry);
    if (kind === "file") files.push(entry);
    else if (firstMagic < 0) throw new LagesbildError("no_files", notAFileMessage(source.id, projectRelative(config, entry), kind));
    else warn?.(skippedEntryWarning(source.id, projectRelative(config, entry), kind));
  }
  return files;
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
    const format = formatOf(source);
    // The config schema admits only kinds and formats the registry has; a gap there is a bug, said plainly.
    if (format === undefined) throw new Error(`no reader for source ${source.id} (kind ${source.kind})`);
    await format.ingest({ config, source, files, opts, result });
  }
  return result;
}
