/**
 * Where a cache kept per output folder lives in `cache_dir`: `<cacheDir>/<kind>/<key>.json`, the key the
 * first 16 hex digits of the sha256 of the folder's absolute path, so two reports built from one
 * project (a group run's kommuner, a test folder beside the real one) never share an entry, and the
 * same folder named by another relative path does.
 */
import path from "node:path";
import { sha256Hex } from "./sha256-hex.ts";

export function outDirCacheFile(cacheDir: string, kind: string, outDir: string): string {
  return path.join(cacheDir, kind, `${sha256Hex(path.resolve(outDir)).slice(0, 16)}.json`);
}
