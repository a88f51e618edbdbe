/**
 * Reads the analysts' commentary for a month (`output.commentary`, spec/cli.md): a path template with
 * `{month}`, relative to the config file's folder. No file means no section 5b (spec/outputs.md:
 * "Omitted when there is none"), not an error: the analysis is often written after the figures.
 *
 * The file is an input of the month like the source files: it is listed in the manifest's `inputs`,
 * so adding or editing it rebuilds the month even when the figures are unchanged.
 */
import { createHash } from "node:crypto";
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { isWithin } from "../config/check-paths.ts";
import type { Config } from "../config/load-config.ts";
import { LagesbildError } from "../core/errors.ts";
import { readFailureReason, readRegularFile } from "../core/read-regular-file.ts";

export interface Commentary {
  /** The Markdown (UTF-8, BOM dropped), or null when there is no file for the month. */
  text: string | null;
  /** The manifest `inputs` entry (path relative to the project root), or null when there is no file. */
  input: { path: string; sha256: string } | null;
  /** The project-relative path the month's file has (or would have); null when the config names none. */
  path: string | null;
}

export function readCommentary(config: Config, month: string): Commentary {
  const template = config.output.commentary;
  if (template === undefined) return { text: null, input: null, path: null };
  const file = path.resolve(config.configDir, template.replaceAll("{month}", month));
  const rel = path.relative(config.projectRoot, file).split(path.sep).join("/");
  if (!existsSync(file)) return { text: null, input: null, path: rel };
  // The file is published: it must really lie in the project, symlinks followed (issue 14.11; the
  // config check in check-paths.ts only sees the template).
  const real = realpathSync(file);
  if (!isWithin(realpathSync(config.projectRoot), real)) {
    throw new LagesbildError("config", `output.commentary: ${rel} pekar (via en länk) utanför projektmappen; kommentarerna publiceras, så filen måste ligga i projektet.`);
  }
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file);
  } catch (cause) {
    // A folder or FIFO where the file should be (issue 14.7): a message, never EISDIR or a hang.
    throw new LagesbildError("unreadable_file", `Kommentaren för ${month} (${rel}) kan inte läsas: ${readFailureReason(cause)}. Lägg analysen där som en vanlig textfil (Markdown).`, { cause });
  }
  return {
    text: bytes.toString("utf8").replace(/^\uFEFF/, ""),
    input: { path: rel, sha256: createHash("sha256").update(bytes).digest("hex") },
    path: rel,
  };
}

/** True when the commentary differs from the one the month was last built with (added, edited, removed). */
export function commentaryChanged(c: Commentary, previousInputs: ReadonlyArray<{ path: string; sha256: string }>): boolean {
  if (c.path === null) return false;
  const before = previousInputs.find((i) => i.path === c.path)?.sha256 ?? null;
  return before !== (c.input?.sha256 ?? null);
}
