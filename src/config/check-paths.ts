/**
 * Which folder layouts a run refuses (issue 8, exit 2 with the key path). Data, quarantine and cache
 * may live anywhere on the server (an analyst may well keep exports outside the repository); what is
 * refused is a layout where a run would publish what must stay private or read back its own output:
 *   - `quarantine_dir` / `cache_dir` at or inside the output folder: raw rejected rows and cached
 *     per-file results would be served with the report (spec/inputs.md: the quarantine is never published);
 *   - the output folder at or above the config folder: the config (and the files beside it) would be
 *     served, and a publish swap would move the config folder;
 *   - the output folder at a source's folder (or below it, for a `**` glob): the next run would glob
 *     its own files as input.
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

/** The literal folder a source's `path` glob starts from (the part before the first magic character). */
export function sourceFolder(config: Config, sourcePath: string): string {
  const pattern = path.resolve(config.configDir, sourcePath);
  const parts = pattern.split(path.sep);
  const firstMagic = parts.findIndex((p) => /[*?[\]{}()!]/.test(p));
  return firstMagic < 0 ? path.dirname(pattern) : parts.slice(0, firstMagic).join(path.sep) || path.sep;
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
    }
  }
  if (isWithin(out, config.configDir)) {
    errors.push(`${outKey}: utdatamappen får inte vara konfigurationsmappen eller en mapp ovanför den (konfigurationen skulle publiceras)`);
  }
  config.sources.forEach((s, i) => {
    const folder = sourceFolder(config, s.path);
    // A `**` glob reaches every folder below its start; a plain one only the folder itself.
    if (path.resolve(folder) === out || (s.path.includes("**") && isWithin(folder, out))) {
      errors.push(`${outKey}: utdatamappen ligger i källan ${s.id}s mapp (sources[${i}].path), så nästa körning skulle läsa sina egna filer; välj en annan mapp`);
    }
  });
  return errors;
}
