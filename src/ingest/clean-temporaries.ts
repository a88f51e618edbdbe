/**
 * Removes what killed runs left in the cache and quarantine folders (issue 14, "Done when"): the
 * temporaries every writer there makes before its rename (`.<name>.tmp-<pid>-<hex>`, the cache's
 * `.<key>.part-<pid>-<hex>`, `.parts/<source>-<pid>-<hex>.part` in the quarantine). A SIGKILL between
 * write and rename leaves them for ever otherwise, and a large export's quarantine part can be as big
 * as the export.
 *
 * A temporary is removed when the process named in it is gone, or when it has not been written to for
 * ten minutes: a live run renames its temporaries within moments and keeps appending to its parts, and
 * the age rule covers pids that cannot be judged (another container sharing the cache, a pid reused).
 * The folders' own entries (cache entries, quarantine files) are never touched.
 */
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { processAlive } from "../core/process-alive.ts";

const TEMPORARY = [/\.tmp-(\d+)-[0-9a-f]+(?:\.bin)?$/, /\.part-(\d+)-[0-9a-f]+$/, /-(\d+)-[0-9a-f]{12}\.part$/];
const STALE_MS = 10 * 60 * 1000;
/** Deep enough for every folder the caches use (cache/incidents, quarantine/.parts, …), bounded for safety. */
const MAX_DEPTH = 3;


/** Removes stale temporaries below each folder; returns how many were removed. */
export function cleanTemporaries(folders: ReadonlyArray<string>, now: number = Date.now()): number {
  let removed = 0;
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // not there yet, or not readable: nothing of ours to clean
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH) walk(full, depth + 1);
        continue;
      }
      if (!e.isFile()) continue;
      const pid = TEMPORARY.map((re) => re.exec(e.name)?.[1]).find((p) => p !== undefined);
      if (pid === undefined) continue;
      let mtime: number;
      try {
        mtime = statSync(full).mtimeMs;
      } catch {
        continue;
      }
      const gone = Number(pid) !== process.pid && !processAlive(Number(pid));
      if (gone || now - mtime > STALE_MS) {
        rmSync(full, { force: true });
        removed++;
      }
    }
  };
  for (const f of folders) walk(f, 0);
  return removed;
}
