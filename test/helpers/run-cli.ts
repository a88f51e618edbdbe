/** Runs the real command line (`bin/lagesbild.js`) in a child process, as a user or a scheduler would. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(PROJECT_ROOT, "bin", "lagesbild.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, ...opts.env };
  delete env.SOURCE_DATE_EPOCH;
  if (opts.env?.SOURCE_DATE_EPOCH) env.SOURCE_DATE_EPOCH = opts.env.SOURCE_DATE_EPOCH;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? PROJECT_ROOT,
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
