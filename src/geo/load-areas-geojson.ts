/**
 * Loads the config's optional `areas_geojson` (spec: areas as polygons): reads the file (relative to
 * the config file's folder), decides its CRS from the `crs` member, validates every feature and
 * returns the areas in SWEREF 99 TM. Any error ends the run before a file is read, with exit 2 and
 * lines under the key path `areas_geojson`, like every other config error.
 *
 * @example loadAreaMap(config) // → { path: "data/omraden.geojson", shapes: [...], warnings: [] }
 */
import { readFailureReason, readRegularFile } from "../core/read-regular-file.ts";
import path from "node:path";
import { LagesbildError } from "../core/errors.ts";
import type { AreaMap } from "./area-shapes.ts";
import { crsOfGeojson } from "./crs.ts";
import { AreaCollectionSchema } from "./geojson-schema.ts";
import { GEO } from "./geo-messages.ts";
import { overlapCheckedClean, overlapCheckKey, rememberCleanOverlapCheck } from "./overlap-check-cache.ts";
import { validateAreaFeatures } from "./validate-area-features.ts";
import { errorMessage } from "../core/error-facts.ts";
import { sha256Hex } from "../core/sha256-hex.ts";

export interface AreaMapConfig {
  configPath: string;
  configDir: string;
  projectRoot: string;
  areas_geojson?: string | undefined;
  areas: ReadonlyArray<{ id: string; name: string }>;
}

function fail(config: AreaMapConfig, lines: string[], cause?: unknown): never {
  const body = lines.map((l) => `areas_geojson: ${l}`).join("\n");
  throw new LagesbildError("config", `Fel i konfigurationen ${config.configPath}:\n${body}`, cause === undefined ? undefined : { cause });
}

/**
 * Parses and validates GeoJSON text; `file` is how messages name it. No I/O but through `cacheDir`
 * (tests call it directly, without): there a clean overlap check is remembered by the file's hash.
 */
export function parseAreaMap(config: AreaMapConfig, text: string, file: string, sha256: string, cacheDir?: string): AreaMap {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    fail(config, [GEO.notJson(file, errorMessage(cause))], cause);
  }
  const collection = AreaCollectionSchema.safeParse(json);
  if (!collection.success) fail(config, [GEO.notCollection(file)]);
  const crs = crsOfGeojson(collection.data.crs);
  if (crs === null) fail(config, [GEO.unknownCrs(JSON.stringify(collection.data.crs))]);
  let key: string | undefined;
  let hit = false;
  const checkedClean = (ids: ReadonlyArray<string>) => {
    key = overlapCheckKey(sha256, ids);
    hit = cacheDir !== undefined && overlapCheckedClean(cacheDir, key);
    return hit;
  };
  const { shapes, errors, warnings } = validateAreaFeatures(collection.data.features, crs, config.areas, checkedClean);
  if (errors.length > 0) fail(config, errors);
  // Reached only without errors, so the check (run or remembered) came out clean.
  if (cacheDir !== undefined && key !== undefined && !hit) rememberCleanOverlapCheck(cacheDir, key);
  return { path: file, sha256, shapes, warnings };
}

/** The validated map, or undefined when the config has no `areas_geojson`; `cacheDir`: see parseAreaMap. */
export function loadAreaMap(config: AreaMapConfig, cacheDir?: string): AreaMap | undefined {
  if (config.areas_geojson === undefined) return undefined;
  const absolute = path.resolve(config.configDir, config.areas_geojson);
  // Project-relative with forward slashes: the path is hashed with the config and may be published.
  const file = path.relative(config.projectRoot, absolute).split(path.sep).join("/");
  let bytes: Buffer;
  try {
    bytes = readRegularFile(absolute);
  } catch (cause) {
    fail(config, [GEO.unreadable(file, readFailureReason(cause))], cause);
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  return parseAreaMap(config, text, file, sha256Hex(bytes), cacheDir);
}
