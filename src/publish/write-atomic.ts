/**
 * Atomic replacement of published files and folders (spec/outputs.md): readers and a crash at any
 * moment see either the old or the new version, never a half-written one.
 */
import { existsSync, lstatSync, mkdirSync, renameSync, rmSync, writeFileSync, readdirSync, linkSync, copyFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { LagesbildError } from "../core/errors.ts";

/**
 * Every symlink inside `outDir` (not `outDir` itself, which may well be a link to a web server's
 * folder), `/`-separated relative paths. A run writes by path, so a symlinked `assets` or month folder
 * would carry its writes to wherever the link points (issue 14.9).
 */
export function symlinksInside(outDir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(outDir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isSymbolicLink()) found.push(child);
      else if (e.isDirectory()) walk(child);
    }
  };
  walk("");
  return found.sort();
}

/** Refuses (exit 2) to write into an output folder that holds a symlink, naming each one. */
export function refuseSymlinks(outDir: string): void {
  const links = symlinksInside(outDir);
  if (links.length > 0) {
    throw new LagesbildError(
      "config",
      `Utdatamappen ${outDir} innehåller symboliska länkar, och lagesbild skriver aldrig genom en länk (det skulle skriva utanför mappen): ${links.join(", ")}. Ta bort länkarna och kör igen.`,
    );
  }
}

/** Throws when a folder between `outDir` and `file` is a symlink (checked again right before each write). */
export function assertNoSymlinkOnPath(outDir: string, file: string): void {
  const rel = path.relative(outDir, path.dirname(file));
  if (rel === "") return;
  let at = outDir;
  for (const part of rel.split(path.sep)) {
    at = path.join(at, part);
    try {
      if (lstatSync(at).isSymbolicLink()) refuseSymlinks(outDir);
    } catch (error) {
      if (error instanceof LagesbildError) throw error;
      return; // not there yet: it is created as a real folder
    }
  }
}

/**
 * A month folder built beside its target: `swap` puts it in place, `cleanup` deletes the old one. The
 * deletion runs on libuv's threads while this one goes on (at 312 areas ~630 files, 0.15 s at the end
 * of a run that had nothing else left to overlap); the swap is complete without it, and an old folder a
 * killed run left is removed at the next start-up (repairInterruptedSwaps).
 */
export interface StagedFolder {
  swap: () => void;
  cleanup: () => Promise<void>;
  /** Where `swap` puts the old folder, for `cleanup` to delete. */
  old: string;
}

/**
 * Builds `.new-<name>` beside `target` holding exactly `files`, without touching `target`. A rename
 * cannot replace a non-empty folder, so `swap` renames the old one to `.old-<name>` and the new one in;
 * `repairInterruptedSwaps` undoes what a crash between the two renames left behind.
 */
export function stageFolder(target: string, files: ReadonlyArray<{ path: string; content: Buffer | string } | { path: string; linkFrom: string }>): StagedFolder {
  const parent = path.dirname(target);
  const name = path.basename(target);
  const fresh = path.join(parent, `.new-${name}`);
  const old = path.join(parent, `.old-${name}`);
  rmSync(fresh, { recursive: true, force: true });
  try {
    mkdirSync(fresh, { recursive: true });
    for (const f of files) {
      const dest = path.join(fresh, f.path);
      if (!dest.startsWith(fresh + path.sep)) throw new Error(`output path escapes its folder: ${f.path}`);
      mkdirSync(path.dirname(dest), { recursive: true });
      if ("linkFrom" in f) linkOrCopy(f.linkFrom, dest);
      else writeFileSync(dest, f.content);
    }
  } catch (error) {
    // A half-built folder (e.g. the disk filled up) is removed at once, not left for the next run.
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
  return {
    swap: () => {
      if (existsSync(target)) renameSync(target, old);
      renameSync(fresh, target);
    },
    cleanup: () => rm(old, { recursive: true, force: true }),
    old,
  };
}

/**
 * A published file kept in the new folder: a hard link (no bytes read or written; published files are
 * only ever replaced by rename, never changed in place, so the two names never disagree), or a copy where
 * the file system has no hard links.
 */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * On start-up: a `.old-X` without `X` means a crash between the two renames, so the old folder goes
 * back; a `.new-X` is an unfinished build and is removed.
 */
export function repairInterruptedSwaps(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const repaired: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (entry.startsWith(".old-")) {
      const target = path.join(dir, entry.slice(5));
      if (!existsSync(target)) {
        renameSync(full, target);
        repaired.push(entry.slice(5));
      } else rmSync(full, { recursive: true, force: true });
    } else if (entry.startsWith(".new-") || /\.tmp-\d+-[0-9a-f]+$/.test(entry)) {
      rmSync(full, { recursive: true, force: true });
    }
  }
  return repaired;
}
