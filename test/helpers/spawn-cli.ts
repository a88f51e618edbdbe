/** Starts the real command line in the background (for lock and kill tests), like run-cli.ts does in the foreground. */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./run-cli.ts";

export interface Background {
  child: ChildProcess;
  /** stderr so far. */
  stderr: () => string;
  /** Resolves once stderr has a line matching `re` (or rejects when the process ends first). */
  waitFor: (re: RegExp) => Promise<void>;
  /** Resolves with the exit code, or the signal's name when killed. */
  exited: Promise<number | string>;
}

export function spawnCli(args: string[], cwd: string): Background {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.SOURCE_DATE_EPOCH;
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "bin", "lagesbild.js"), ...args], { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  const waiters: Array<{ re: RegExp; resolve: () => void; reject: (e: Error) => void }> = [];
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => {
    err += chunk;
    for (const w of [...waiters]) {
      if (w.re.test(err)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  void exited.then(() => {
    for (const w of waiters.splice(0)) w.reject(new Error(`process ended before ${w.re}: ${err.slice(-500)}`));
  });
  return {
    child,
    stderr: () => err,
    waitFor: (re) => (re.test(err) ? Promise.resolve() : new Promise((resolve, reject) => waiters.push({ re, resolve, reject }))),
    exited,
  };
}
