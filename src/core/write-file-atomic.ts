/**
 * Writing one file so that a reader (or a crash) never meets it half-written: the content goes to a
 * temporary sibling, is fsynced, and is renamed over the file. Used by publishing (the month folders'
 * files, the manifest, the caches) and by the police archive's fetch alike, so it sits below both.
 */
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
