/**
 * A file's identity as the stat-keyed caches remember it (the output folder's hashes, the warm run's
 * source files): device, inode, size, mtime and ctime in nanoseconds. A write, a rename into place, an
 * editor's save or a `touch -r` changes at least one of them, so a remembered hash is reused only for
 * bytes that cannot have changed. Taken before the file is read, so an edit during the read leaves a
 * stale key, never a stale hash.
 */
import { statSync } from "node:fs";
import { errorCode } from "./error-facts.ts";

/** The key of a regular file; null when there is no file at `file` (or it is a folder, FIFO…). Other stat errors are thrown. */
export function fileStatKey(file: string): string | null {
  try {
    const s = statSync(file, { bigint: true });
    return s.isFile() ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : null;
  } catch (error) {
    if (errorCode(error) === "ENOENT" || errorCode(error) === "ENOTDIR") return null;
    throw error;
  }
}
