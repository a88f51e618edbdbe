/**
 * `lagesbild publish --to DIR`: the output folder of a kommun's or a group's config (found as `run`
 * finds it) copied atomically to the web root under the output folder's lock, so a run cannot change
 * the folder while it is copied (publish/publish.ts).
 */
import path from "node:path";
import { loadConfig } from "../config/load-config.ts";
import { loadGroupConfig } from "../config/load-group-config.ts";
import { acquireLock } from "../publish/lock.ts";
import { publish, type PublishResult } from "../publish/publish.ts";
import { resolveGroupOutDir } from "./group-run.ts";
import { resolveOutDir } from "./run.ts";

export interface PublishOptions {
  config: string;
  /** The web root's folder, relative to `cwd`. */
  to: string;
  out?: string;
  cwd: string;
  /** Whether `config` is a group config (`kommuner:`). */
  isGroup: boolean;
}

export async function publishOutput(opts: PublishOptions): Promise<PublishResult> {
  const outDir = opts.isGroup
    ? resolveGroupOutDir(loadGroupConfig(opts.config).group, opts.out, opts.cwd)
    : resolveOutDir(loadConfig(opts.config), opts.out, opts.cwd);
  const lock = await acquireLock(outDir);
  try {
    return publish(outDir, path.resolve(opts.cwd, opts.to));
  } finally {
    lock.release();
  }
}
