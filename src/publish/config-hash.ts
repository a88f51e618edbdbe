/**
 * The config hash recorded per month in manifest.json: a month is re-rendered when "the config's
 * published parts" change (spec/outputs.md skip rule), so the hash covers exactly what can change a
 * published file and leaves out what only steers the run:
 * - left out: `quarantine_dir`, `cache_dir` (never published), `max_rejected_share` (decides whether a
 *   month fails, not what a built month shows), `output.dir` (where, not what), each source's `path`,
 *   `categories_from` and `fetch` (which files and mapping fragments are read: their effect on the figures is
 *   caught by the indicators hash, and the merged mapping is hashed as `categories`), and the absolute
 *   paths loadConfig adds (machine-specific).
 * The month's commentary file (`output.commentary`) is not part of this hash: it is an input of the
 * month, listed in the record's `inputs` (app/read-commentary.ts), and a change to it rebuilds the month.
 */
import type { Config } from "../config/load-config.ts";
import { sha256Hex } from "../core/sha256-hex.ts";
import { sortedJson } from "../core/sorted-json.ts";

/** The parts of the config that can change a published file. */
export function publishedConfigParts(config: Config): unknown {
  const {
    configPath: _p,
    configDir: _d,
    projectRoot: _r,
    quarantine_dir: _q,
    cache_dir: _c,
    max_rejected_share: _m,
    output,
    sources,
    ...rest
  } = config;
  const { dir: _o, ...publishedOutput } = output;
  return {
    ...rest,
    output: publishedOutput,
    sources: sources.map((s) => {
      // The source union: only some members have `categories_from`/`fetch`; widened so all can drop them.
      const { path: _sp, ...source } = s as typeof s & { categories_from?: string; fetch?: unknown };
      delete source.categories_from;
      // How the police's API is polled (URL, User-Agent, timeouts) shows in no published file.
      delete source.fetch;
      return source;
    }),
  };
}

/** The hash recorded as `config_sha256`; keys sorted, so reordering keys in the YAML does not rebuild anything. */
export function publishedConfigHash(config: Config): string {
  return sha256Hex(sortedJson(publishedConfigParts(config)));
}
