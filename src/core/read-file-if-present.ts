/**
 * A file's bytes, or null when there is no file at the path: for callers to whom absence has a meaning
 * of its own ("not published", "not hashed yet") while any other failure (no permission, a folder, a
 * disk error) must still be thrown, never taken for absence.
 */
import { readFileSync } from "node:fs";
import { errorCode } from "./error-facts.ts";

export function readFileIfPresent(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw error;
  }
}
