/**
 * Reads the analysts' commentary for a month (`output.commentary`, spec/cli.md): a path template with
 * `{month}`, relative to the config file's folder. No file for the month means no section 5b
 * (spec/outputs.md: "Omitted when there is none"), not an error: the analysis is often written after
 * the figures. But a typo in the template must not silently drop the analysts' text (issue 13):
 * `checkCommentaryPath` refuses (exit 2) a template whose folder does not exist or that matches no
 * file at all.
 *
 * The file is an input of the month like the source files: it is listed in the manifest's `inputs`,
 * so adding or editing it rebuilds the month even when the figures are unchanged.
 */
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import { escapePath } from "tinyglobby";
import { isWithin } from "../config/check-paths.ts";
import type { Config } from "../config/load-config.ts";
import { LagesbildError } from "../core/errors.ts";
import { readFailureReason, readRegularFile } from "../core/read-regular-file.ts";
import { sha256Hex } from "../core/sha256-hex.ts";

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
    throw new LagesbildError("unreadable_file", `Kommentaren för ${month} (${rel}) kan inte läsas: ${readFailureReason(cause)}. Lägg analysen där som en vanlig textfil (Markdown).`, { cause, file: rel });
  }
  return {
    text: bytes.toString("utf8").replace(/^\uFEFF/, ""),
    input: { path: rel, sha256: sha256Hex(bytes) },
    path: rel,
  };
}

/** True when the commentary differs from the one the month was last built with (added, edited, removed). */
export function commentaryChanged(c: Commentary, previousInputs: ReadonlyArray<{ path: string; sha256: string }>): boolean {
  if (c.path === null) return false;
  const before = previousInputs.find((i) => i.path === c.path)?.sha256 ?? null;
  return before !== (c.input?.sha256 ?? null);
}

/**
 * Throws a config error (exit 2, naming `output.commentary`) when the configured template cannot be
 * right: its folder (the part before the first `{month}`) does not exist, or no file for any month
 * matches it. A month without its own file stays allowed.
 */
export function checkCommentaryPath(config: Config): void {
  const template = config.output.commentary;
  if (template === undefined) return;
  const absolute = path.resolve(config.configDir, template);
  const parts = absolute.split(path.sep);
  const first = parts.findIndex((p) => p.includes("{month}"));
  const fix = "Rätta output.commentary i konfigurationen (t.ex. ../data/kommentarer/{month}.md) eller ta bort nyckeln.";
  if (first < 0) {
    throw new LagesbildError("config", `output.commentary: ${template} saknar {month}, så varje månad skulle få samma kommentar. ${fix}`);
  }
  const folder = parts.slice(0, first).join(path.sep) || path.sep;
  if (!isFolder(folder)) {
    throw new LagesbildError("config", `output.commentary: mappen ${folder} finns inte, så analytikernas kommentarer skulle aldrig komma med. ${fix}`);
  }
  // Literal parts escaped, so a folder named with glob characters cannot widen the match.
  const pattern = parts.slice(first).map((p) => p.split("{month}").map(escapePath).join("[0-9][0-9][0-9][0-9]-[0-9][0-9]")).join("/");
  // Any entry counts as a match, whatever its type: a folder or FIFO where a month's file should be is
  // that month's read error (exit 1, naming the file), not a typo in the pattern.
  const matches = picomatch(pattern);
  // Only as deep as the pattern reaches: `../data/kommentar-{month}.md` must not walk all of data/.
  const names = pattern.includes("/") ? readdirSync(folder, { recursive: true, encoding: "utf8" }) : readdirSync(folder);
  if (!names.some((name) => matches(name.split(path.sep).join("/")))) {
    throw new LagesbildError(
      "config",
      `output.commentary: ingen fil matchar ${template} (sökt i ${folder}), så analytikernas kommentarer skulle aldrig komma med. ` +
        `Kontrollera mönstret mot filnamnen, t.ex. ${template.replaceAll("{month}", "2026-09")}. ${fix}`,
    );
  }
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
