/**
 * Atomic replacement of published files and folders (spec/outputs.md): readers and a crash at any
 * moment see either the old or the new version, never a half-written one.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync, readdirSync, fsyncSync, openSync, closeSync } from "node:fs";
import path from "node:path";

/** Writes a file through a temporary sibling and a rename. */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  writeFileSync(tmp, content);
  const fd = openSync(tmp, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/**
 * Replaces the folder `target` by a folder holding exactly `files`. A rename cannot replace a non-empty
 * folder, so: build `.new-<name>` beside it, rename the old one to `.old-<name>`, rename the new one in,
 * delete the old one. `repairInterruptedSwaps` undoes what a crash between the renames left behind.
 */
export function replaceFolder(target: string, files: ReadonlyArray<{ path: string; content: Buffer | string }>): void {
  const parent = path.dirname(target);
  const name = path.basename(target);
  const fresh = path.join(parent, `.new-${name}`);
  const old = path.join(parent, `.old-${name}`);
  rmSync(fresh, { recursive: true, force: true });
  for (const f of files) {
    const dest = path.join(fresh, f.path);
    if (!dest.startsWith(fresh + path.sep)) throw new Error(`output path escapes its folder: ${f.path}`);
    mkdirSync(path.dirname(dest), { recursive: true });
    writeFileSync(dest, f.content);
  }
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
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
