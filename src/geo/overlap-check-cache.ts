/**
 * The areas' overlap check remembered in `cache_dir` (never published, safe to delete): @turf/intersect
 * on every pair of neighbouring polygons costs ~0.2 s at 312 areas on every run, config loading included
 * (issue 20: 7 % of a warm run), for a file that seldom changes. Only a clean result is kept, under a key
 * of the GeoJSON file's sha256, the areas the config uses and the check's own version; an overlap ends
 * the run (exit 2) and is worked out afresh every time, with its message.
 */
import { mkdirSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import path from "node:path";
import { OVERLAP_TOLERANCE_M2 } from "./overlaps.ts";
import { sha256Hex } from "../core/sha256-hex.ts";

/** Raise when findOverlaps decides differently (a new tolerance is in the key already). */
const CHECK_VERSION = 1;
const FILE = "areas-overlap-check.json";

/** The cache key of one check: the file's bytes (by hash) and which of its features the config uses. */
export function overlapCheckKey(fileSha256: string, areaIds: ReadonlyArray<string>): string {
  return sha256Hex(`${CHECK_VERSION}|${OVERLAP_TOLERANCE_M2}|${fileSha256}|${areaIds.join(",")}`);
}

/** True when the check with this key came out clean before; a missing or damaged file is a miss. */
export function overlapCheckedClean(cacheDir: string, key: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(cacheDir, FILE), "utf8"));
    return typeof parsed === "object" && parsed !== null && "schema" in parsed && parsed.schema === "lagesbild.overlap-check/v1" && "key" in parsed && parsed.key === key;
  } catch {
    return false;
  }
}

/** Remembers a clean check; a read-only or full cache folder only costs the next run the check. */
export function rememberCleanOverlapCheck(cacheDir: string, key: string): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const target = path.join(cacheDir, FILE);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify({ schema: "lagesbild.overlap-check/v1", key })}\n`);
    renameSync(temp, target);
  } catch {
    // the check was done; failing to keep it must not fail the run
  }
}
