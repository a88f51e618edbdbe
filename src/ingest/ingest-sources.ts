/**
 * Ingestion of every source in the config: finds each source's files (its `path` glob, resolved
 * against the config's folder, read in sorted order as spec/inputs.md requires for cross-file ids) and
 * hands them to the format that reads the source (formats/registry.ts), which reads them through the
 * one loop over files (each-file.ts).
 */
import { projectRelative, resolveConfigPath, type Config } from "../config/load-config.ts";
import { LagesbildError } from "../core/errors.ts";
import type { IngestResult } from "../model/records.ts";
import { formatOf } from "./formats/registry.ts";
import type { IngestOptions } from "./formats/source-format.ts";
// The glob lives apart so that a run can list its inputs without loading the readers (app/up-to-date.ts).
import { sourceFiles } from "./source-files.ts";

export type { IngestOptions, LogFn } from "./formats/source-format.ts";

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
    const listing = opts.listed?.get(source.id);
    if (listing !== undefined) result.warnings.push(...listing.warnings);
    const files = listing?.files ?? (await sourceFiles(config, source, (w) => result.warnings.push(w)));
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
