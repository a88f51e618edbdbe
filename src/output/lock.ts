/**
 * One run per output folder (spec/outputs.md): a lock file created exclusively, holding the pid. A lock
 * whose pid is no longer alive was left by a crash and is taken over with a warning.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { LagesbildError } from "../core/errors.ts";

export const LOCK_FILE = ".lagesbild.lock";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws `locked` (exit 3). Returns a release function and a warning if a stale lock was taken over. */
export function acquireLock(outDir: string): { release: () => void; warning: string | null } {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, LOCK_FILE);
  let warning: string | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }), warning };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new LagesbildError("locked", `En annan körning (pid ${pid}) arbetar redan i ${outDir}. Vänta tills den är klar.`);
      }
      warning = `Tog över ett kvarlämnat lås i ${outDir} (process ${Number.isInteger(pid) ? pid : "okänd"} finns inte längre).`;
      rmSync(file, { force: true });
    }
  }
  throw new LagesbildError("locked", `Kunde inte ta låset i ${outDir}.`);
}
