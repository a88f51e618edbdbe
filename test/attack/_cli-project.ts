/** A throw-away project on disk for attack suites that run the real CLI: config/, data/, reports/, var/. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli, type CliResult } from "../helpers/run-cli.ts";

export const GENERATED_AT = "2024-04-02T06:00:00+02:00";

export interface CliProject {
  root: string;
  configPath: string;
  write(relative: string, bytes: Buffer | string): void;
  run(args: string[], env?: Record<string, string>): CliResult;
  cleanup(): void;
}

export function cliProject(configYaml: string, files: Record<string, Buffer | string> = {}): CliProject {
  const root = mkdtempSync(path.join(tmpdir(), "lagesbild-attack-"));
  const write = (relative: string, bytes: Buffer | string) => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  };
  write("config/lagesbild.yaml", configYaml);
  for (const [name, bytes] of Object.entries(files)) write(name, bytes);
  const configPath = path.join(root, "config", "lagesbild.yaml");
  return {
    root,
    configPath,
    write,
    run: (args, env) => runCli([...args, "--config", configPath, "--log-format", "json"], { cwd: root, env }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Every regular file below `dir`, absolute, sorted. */
export function allFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** Path → content of every file below `dir` (for "exactly the previous tree" comparisons). */
export function snapshot(dir: string): Map<string, string> {
  return new Map(allFiles(dir).map((f) => [path.relative(dir, f), readFileSync(f).toString("base64")]));
}

/** Windows-1252 bytes with CRLF, as Excel on Swedish Windows saves. */
export const excel1252 = (lines: readonly string[]) => Buffer.from(lines.map((l) => `${l}\r\n`).join(""), "latin1");
