/**
 * What a path a source names really is. The glob lists every entry its pattern matches; only regular
 * files (or symlinks to them) can be read. Anything else was skipped without a word before, so an analyst
 * whose export landed as a folder, or a FIFO left by a transfer tool, saw rows simply missing. Now a
 * matched non-file is a Swedish warning in the run summary, and a literal `path` (no wildcard) that is
 * not a file is an exit-1 error naming what it is (spec/cli.md exit 1: "an unreadable file").
 */
import type { Stats } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import picomatch from "picomatch";
import { glob } from "tinyglobby";

export type EntryKind = "file" | "directory" | "fifo" | "socket" | "device" | "other";

/** Swedish words for each kind that is not a readable file: "… är en mapp, inte en fil". */
const KIND_WORDS: Record<Exclude<EntryKind, "file">, string> = {
  directory: "en mapp",
  fifo: "en namngiven pipe (FIFO)",
  socket: "en socket",
  device: "en enhetsfil",
  other: "ingen vanlig fil",
};

export function entryKind(stats: Stats): EntryKind {
  if (stats.isFile()) return "file";
  if (stats.isDirectory()) return "directory";
  if (stats.isFIFO()) return "fifo";
  if (stats.isSocket()) return "socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "device";
  return "other";
}

/**
 * The kind of `absolute`, following symlinks. An entry that cannot be stat'ed (vanished, broken link,
 * no permission) counts as a file: reading it then fails with the real OS reason (unreadable_file).
 */
export async function statKind(absolute: string): Promise<EntryKind> {
  try {
    return entryKind(await stat(absolute));
  } catch {
    return "file";
  }
}

/** The run-summary warning for an entry a glob matched: `data/arkiv.csv är en mapp, inte en fil – hoppas över.` */
export function skippedEntryWarning(sourceId: string, rel: string, kind: Exclude<EntryKind, "file">): string {
  return `Källan ${sourceId}: ${rel} är ${KIND_WORDS[kind]}, inte en fil – hoppas över. Flytta den ur mappen eller ändra mönstret i källans path så att den inte matchas.`;
}

/** The exit-1 message for a literal `path` that is not a file. */
export function notAFileMessage(sourceId: string, rel: string, kind: Exclude<EntryKind, "file">): string {
  return `Källan ${sourceId}: ${rel} är ${KIND_WORDS[kind]}, inte en fil; lägg exporten där som en vanlig fil eller rätta path i konfigurationen${kind === "directory" ? " (t.ex. mappen/*.csv för alla filer i mappen)" : ""}.`;
}

/**
 * The FIFOs, sockets and device files `pattern` (relative to `cwd`, `/`-separated) matches. The glob
 * library (fdir underneath) lists only files, folders and symlinks, so these are found by reading the
 * folders the pattern can reach and matching each special entry with picomatch, the matcher tinyglobby
 * itself uses (same syntax, same `dot: false` default).
 */
export async function specialEntries(cwd: string, pattern: string): Promise<string[]> {
  const folderPattern = path.posix.dirname(pattern);
  const folders = folderPattern === "."
    ? [cwd]
    : [cwd, ...(await glob(folderPattern, { cwd, absolute: true, onlyDirectories: true, expandDirectories: false }))];
  const matches = picomatch(pattern);
  const found = new Set<string>();
  for (const folder of folders) {
    let dirents;
    try {
      dirents = await readdir(folder, { withFileTypes: true });
    } catch {
      continue; // a folder that vanished or cannot be listed: the glob reports what it can
    }
    for (const d of dirents) {
      if (d.isFile() || d.isDirectory() || d.isSymbolicLink()) continue;
      const absolute = path.resolve(folder, d.name);
      if (matches(path.relative(cwd, absolute).split(path.sep).join("/"))) found.add(absolute);
    }
  }
  return [...found];
}
