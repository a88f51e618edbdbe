/**
 * Reads a file only if it is a regular file (issue 14.7). `readFileSync` on a FIFO blocks for ever (a
 * run hangs while holding the lock) and on a folder fails with EISDIR, which ended as an internal
 * error. The file is opened non-blocking, so opening a FIFO returns at once, and `fstat` on the open
 * descriptor (not a `stat` of the path, which could be swapped in between) decides before any read.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from "node:fs";
import { errorCode } from "./error-facts.ts";

/** Thrown for a path that exists but is no regular file; `message` is Swedish ("är en mapp, inte en fil"). */
export class NotRegularFileError extends Error {
  readonly code = "ENOTREG";
  constructor(readonly kind: string) {
    super(`är ${kind}, inte en vanlig fil`);
    this.name = "NotRegularFileError";
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "en mapp";
  if (stats.isFIFO()) return "en namngiven pipe (FIFO)";
  if (stats.isSocket()) return "en socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "en enhetsfil";
  return "ingen vanlig fil";
}

/** Opens `file` for reading; throws NotRegularFileError for a folder, FIFO, socket or device. */
export function openRegularFile(file: string): number {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotRegularFileError(kindOf(stats));
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The bytes of `file`, a regular file; OS errors (ENOENT, EACCES) are thrown as they are. */
export function readRegularFile(file: string): Buffer {
  const fd = openRegularFile(file);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A reason for a message: the Swedish words for a non-file, else the OS error code. */
export function readFailureReason(cause: unknown): string {
  if (cause instanceof NotRegularFileError) return cause.message;
  return errorCode(cause) ?? String(cause);
}
