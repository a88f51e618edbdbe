/**
 * A source's files: its `path` glob resolved against the config's folder, sorted (spec/inputs.md: files
 * are read in sorted order for cross-file ids). Apart from ingest-sources.ts, which re-exports it, so a
 * run can list its inputs without loading the readers behind ingest (app/up-to-date.ts).
 */
import path from "node:path";
import { escapePath, glob } from "tinyglobby";
import { splitSourceGlob } from "../config/check-paths.ts";
import { projectRelative, type Config } from "../config/load-config.ts";
import type { SourceConfig } from "../config/schema.ts";
import { LagesbildError } from "../core/errors.ts";
import { notAFileMessage, skippedEntryWarning, specialEntries, statKind } from "./source-entry-kind.ts";

/** A source's files as sourceFiles listed them, with the warnings it gave (skipped folders, FIFOs). */
export interface SourceListing {
  files: string[];
  warnings: string[];
}

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
