/**
 * Puts one poll's files in place without ever leaving a damaged one (issue 19): each file is written
 * to a temporary sibling, fsynced, and renamed over the old one; the folder is fsynced after the
 * renames so they survive a power cut. The month files go first and the poll log last: a crash in
 * between leaves month files that already hold the poll (each whole, no id in two files) and a log that
 * does not, so coverage stays at the previous poll, never beyond what was written.
 */
import { closeSync, fsyncSync, openSync } from "node:fs";
import { stageFile, type StagedFile } from "../core/write-file-atomic.ts";
import { errorCode } from "../core/error-facts.ts";

export function writeArchiveFiles(dir: string, files: ReadonlyArray<{ file: string; content: string }>): void {
  const staged: StagedFile[] = [];
  try {
    for (const f of files) staged.push(stageFile(f.file, f.content));
  } catch (error) {
    for (const s of staged) s.discard();
    throw error;
  }
  for (const s of staged) s.commit();
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    // Some platforms cannot open or sync a folder (Windows: EISDIR/EPERM); the renames stand.
    if (!["EISDIR", "EPERM", "EINVAL", "EBADF"].includes(errorCode(error) ?? "")) throw error;
  }
}
