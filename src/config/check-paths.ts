/**
 * Which folder layouts a run refuses (issue 8, exit 2 with the key path). Data, quarantine and cache
 * may live anywhere on the server (an analyst may well keep exports outside the repository); what is
 * refused is a layout where a run would publish what must stay private or read back its own output:
 *   - `quarantine_dir` / `cache_dir` at or inside the output folder: raw rejected rows and cached
 *     per-file results would be served with the report (spec/inputs.md: the quarantine is never published);
 *   - the output folder at or above the config folder: the config (and the files beside it) would be
 *     served, and a publish swap would move the config folder;
 *   - the output folder at, inside or above a source's folder (issue 14.1): the next run would glob its
 *     own files as input, or the raw source files would sit in the folder that is published;
 *   - the output folder inside the quarantine or the cache folder.
 */
import path from "node:path";
import type { Config } from "./load-config.ts";

/**
 * `output.commentary` must stay inside the project folder (the parent of the config's folder; issue
 * 14.11): the file is published as the month's analysis, so a path such as `../../etc/passwd` would
 * publish whatever the server lets the run read. Checked on the template with a sample month; the
 * real file's resolved path (symlinks followed) is checked again when it is read (read-commentary.ts).
 */
export function checkCommentaryPath(template: string | undefined, configDir: string): string[] {
  if (template === undefined) return [];
  const projectRoot = path.dirname(configDir);
  const file = path.resolve(configDir, template.replaceAll("{month}", "2000-01"));
  if (isWithin(projectRoot, file) && file !== projectRoot) return [];
  return [`output.commentary: sökvägen ${template} pekar utanför projektmappen ${projectRoot}; kommentarerna publiceras, så de måste ligga i projektet (t.ex. ../data/kommentarer/{month}.md)`];
}

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === "" || (!rel.startsWith(`..${path.sep}`) && rel !== ".." && !path.isAbsolute(rel));
}

/**
 * A source's `path` split into the literal folder it is relative to and the glob pattern below it.
 * Only what the config author wrote is a pattern; the folder the config lives in is literal however
 * it is named (issue 14.5: a project copied to `proj (kopia)` or `data [2024]` must work), so the
 * magic characters are looked for in `sourcePath` alone, never in the config's own folder.
 * `literal`: the path has no magic character at all (a single named file).
 */
export function splitSourceGlob(configDir: string, sourcePath: string): { base: string; pattern: string; literal: boolean } {
  const parts = sourcePath.split(/[\\/]/);
  const firstMagic = parts.findIndex((p) => /[*?[\]{}()!]/.test(p));
  if (firstMagic < 0) {
    const file = path.resolve(configDir, sourcePath);
    return { base: path.dirname(file), pattern: path.basename(file), literal: true };
  }
  const prefix = parts.slice(0, firstMagic).join("/");
  const base = path.resolve(configDir, prefix === "" && sourcePath.startsWith("/") ? "/" : prefix);
  return { base, pattern: parts.slice(firstMagic).join("/"), literal: false };
}

/** The literal folder a source's `path` glob starts from. */
export function sourceFolder(config: Config, sourcePath: string): string {
  return splitSourceGlob(config.configDir, sourcePath).base;
}

/**
 * `key.path: message` lines for every refused layout; `outKey` names where the output folder came
 * from (`--out` or `output.dir`).
 */
export function checkOutputPaths(config: Config, outDir: string, outKey: string): string[] {
  const errors: string[] = [];
  const out = path.resolve(outDir);
  for (const key of ["quarantine_dir", "cache_dir"] as const) {
    const dir = path.resolve(config.configDir, config[key]);
    if (isWithin(out, dir)) {
      errors.push(`${key}: mappen ${config[key]} ligger i utdatamappen, så dess innehåll skulle publiceras; välj en mapp utanför ${outKey}`);
    } else if (isWithin(dir, out)) {
      // Issue 14.1: an output folder inside the quarantine or cache would sit among private files.
      errors.push(`${outKey}: utdatamappen ligger i ${key} (${config[key]}), bland filer som aldrig får publiceras; välj en annan mapp`);
    }
  }
  if (isWithin(out, config.configDir)) {
    errors.push(`${outKey}: utdatamappen får inte vara konfigurationsmappen eller en mapp ovanför den (konfigurationen skulle publiceras)`);
  }
  config.sources.forEach((s, i) => {
    const folder = sourceFolder(config, s.path);
    // Issue 14.1: the output folder must not be, contain or lie inside a source's folder. Inside it,
    // the next run could read its own files; at or above it, a rebuilt manifest and `publish` could
    // take the raw source files (police exports, field notes) to the web root.
    if (isWithin(folder, out)) {
      errors.push(`${outKey}: utdatamappen ligger i källan ${s.id}s mapp ${folder} (sources[${i}].path), så nästa körning skulle kunna läsa sina egna filer; välj en mapp utanför källornas mappar`);
    } else if (isWithin(out, folder)) {
      errors.push(`${outKey}: källan ${s.id}s mapp (sources[${i}].path) ligger i utdatamappen, så rådata skulle kunna publiceras; välj en mapp utanför källornas mappar`);
    }
  });
  return errors;
}
