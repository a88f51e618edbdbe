/**
 * The one way publishing reads a month's `indicators.json` back: parsed through IndicatorsFileSchema
 * (STYLE.md: what is read back from disk is parsed through its schema once). A file that is absent,
 * not JSON, or not `lagesbild.indicators/v1` (edited by hand, written by a version with another schema,
 * cut short by a full disk) gives null, and each caller says what that means for it: a month never
 * published, a manifest record not kept, a month left out of serie.csv; where only absence may mean
 * "not published", readIndicatorsIfPublished. The archive page and the feed read only their fields,
 * through a schema cut from the same one (archiveSource below).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { LagesbildError } from "../core/errors.ts";
import { readFileIfPresent } from "../core/read-file-if-present.ts";
import { readFailureReason } from "../core/read-regular-file.ts";
import { type ArchiveSource, ArchiveSourceSchema, type Indicators } from "../model/indicators.ts";
import { IndicatorsFileSchema } from "../model/indicators-file.ts";

export const INDICATORS_FILE = "indicators.json";

/** `<outDir>/<month>/indicators.json`. */
export function indicatorsPath(outDir: string, month: string): string {
  return path.join(outDir, month, INDICATORS_FILE);
}

/**
 * The indicators in `file` (or in `bytes`, its content when the caller has read it already, e.g. to
 * hash it), or null when they cannot be read as the schema says.
 */
export function readIndicatorsFile(file: string, bytes?: Buffer): Indicators | null {
  try {
    // The file's layout (bands once per entry, or per point as before issue 20) read to the in-memory form.
    const parsed = IndicatorsFileSchema.safeParse(JSON.parse((bytes ?? readFileSync(file)).toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // absent, unreadable or not JSON
  }
}

/**
 * The indicators of a month a kommun may or may not have published: null when there is no file (the
 * month was never published, or failed the first time). A file that is there but cannot be read as the
 * schema (not JSON, cut short, another schema) is never "not published" - a comparison showing the
 * kommun as "ingen rapport" because of it would be wrong in public, silently - and stops the group's
 * files as a damaged month folder stops the archive and the feed (archiveSource below): exit 1, the file
 * named, with how to rebuild it.
 */
export function readIndicatorsIfPublished(file: string, month: string): Indicators | null {
  const rebuild = `så jämförelsen kan inte byggas. Bygg om kommunens månad med lagesbild run --month ${month} --force.`;
  let bytes: Buffer | null;
  try {
    bytes = readFileIfPresent(file);
  } catch (error) {
    throw new LagesbildError("publish", `${file} kan inte läsas (${readFailureReason(error)}), ${rebuild}`, { file, cause: error });
  }
  if (bytes === null) return null;
  const indicators = readIndicatorsFile(file, bytes);
  if (indicators === null) {
    throw new LagesbildError("publish", `${file} finns men kan inte läsas som lagesbild.indicators/v1 (inte JSON, avkortad eller ett annat schema), ${rebuild}`, { file });
  }
  return indicators;
}

/**
 * What the archive page and the feed need of a published month, read through ArchiveSourceSchema (the
 * indicators schema's archive fields, open to files of earlier versions). A month folder whose file
 * cannot be read even so stops the shared files with a message that names it and says how to rebuild
 * it (exit 1), instead of an internal error or an archive line made up from a damaged file.
 */
export function archiveSource(file: string, month: string, bytes?: Buffer): ArchiveSource {
  try {
    const parsed = ArchiveSourceSchema.safeParse(JSON.parse((bytes ?? readFileSync(file)).toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // absent, unreadable or not JSON: the same message
  }
  throw new LagesbildError(
    "publish",
    `${month}/${INDICATORS_FILE} kan inte läsas som lagesbild.indicators/v1, så arkivet och flödet kan inte byggas. Bygg om månaden med lagesbild run --month ${month} --force.`,
    { file },
  );
}
