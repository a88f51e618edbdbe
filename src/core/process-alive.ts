/**
 * Whether a process with this pid exists on this machine (signal 0 only asks). EPERM means it exists
 * but belongs to someone else: alive all the same.
 */
import { errorCode } from "./error-facts.ts";

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === "EPERM";
  }
}
