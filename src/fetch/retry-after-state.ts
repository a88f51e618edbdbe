/**
 * "Do not ask before T" from a server's `Retry-After` that was longer than one run may wait: kept in
 * `cache_dir` (never published, safe to delete), not in the archive folder, because a failed poll
 * changes nothing in the archive. The next scheduled poll before T sends no request at all.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../core/write-file-atomic.ts";

export function retryAfterState(cacheDir: string, sourceId: string): { get: () => number | null; set: (notBefore: number) => void; clear: () => void } {
  const file = path.join(cacheDir, `hamta-${sourceId}-retry-after.json`);
  return {
    get: () => {
      if (!existsSync(file)) return null;
      try {
        const note: unknown = JSON.parse(readFileSync(file, "utf8"));
        const notBefore = typeof note === "object" && note !== null && "not_before" in note ? note.not_before : undefined;
        const at = typeof notBefore === "string" ? Date.parse(notBefore) : Number.NaN;
        return Number.isNaN(at) ? null : at;
      } catch {
        return null; // a damaged note is no reason to stop polling
      }
    },
    set: (notBefore) => writeFileAtomic(file, `${JSON.stringify({ not_before: new Date(notBefore).toISOString() })}\n`),
    clear: () => rmSync(file, { force: true }),
  };
}
