/**
 * Atomic replacement of published files and folders (spec/outputs.md): readers and a crash at any
 * moment see either the old or the new version, never a half-written one.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync, readdirSync, fsyncSync, openSync, closeSync } from "node:fs";
import path from "node:path";

/** A file written (and fsynced) under a temporary sibling name; `commit` renames it into place. */
export interface StagedFile {
  commit: () => void;
  discard: () => void;
}

/**
 * Writes `content` beside `file` without touching `file`, so several files can be prepared first and
 * then put in place by renames in quick succession (the manifest last, see manifest-state.ts).
 */
export function stageFile(file: string, content: string | Buffer): StagedFile {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  writeFileSync(tmp, content);
  const fd = openSync(tmp, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { commit: () => renameSync(tmp, file), discard: () => rmSync(tmp, { force: true }) };
}

/** Writes a file through a temporary sibling and a rename. */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  stageFile(file, content).commit();
}

/** A month folder built beside its target: `swap` puts it in place, `cleanup` deletes the old one. */
export interface StagedFolder {
  swap: () => void;
  cleanup: () => void;
}

/**
 * Builds `.new-<name>` beside `target` holding exactly `files`, without touching `target`. A rename
 * cannot replace a non-empty folder, so `swap` renames the old one to `.old-<name>` and the new one in;
 * `repairInterruptedSwaps` undoes what a crash between the two renames left behind.
 */
export function stageFolder(target: string, files: ReadonlyArray<{ path: string; content: Buffer | string }>): StagedFolder {
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
      writeFileSync(dest, f.content);
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
    cleanup: () => rmSync(old, { recursive: true, force: true }),
  };
}

/** Replaces the folder `target` by a folder holding exactly `files` (stage, swap, clean up). */
export function replaceFolder(target: string, files: ReadonlyArray<{ path: string; content: Buffer | string }>): void {
  const staged = stageFolder(target, files);
  staged.swap();
  staged.cleanup();
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
