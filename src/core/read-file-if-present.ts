/**
 * A file's bytes, or null when there is no file at the path: for callers to whom absence has a meaning
 * of its own ("not published", "not hashed yet") while any other failure (no permission, a folder, a
 * disk error) must still be thrown, never taken for absence. Read as a regular file only (a FIFO at the
 * path would block a plain read for ever: read-regular-file.ts).
 */
import { errorCode } from "./error-facts.ts";
import { readRegularFile } from "./read-regular-file.ts";

export function readFileIfPresent(file: string): Buffer | null {
  try {
    return readRegularFile(file);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw error;
  }
}
