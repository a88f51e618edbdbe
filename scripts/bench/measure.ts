/**
 * Timing helpers for `npm run bench`: a child process's wall time and peak RSS (through GNU time
 * `-v` when /usr/bin/time exists, else the child's own report is all there is), best of N runs.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export interface Measured {
  seconds: number;
  /** Peak resident set size in MB, or null when it could not be measured. */
  rssMb: number | null;
  /** User + system CPU seconds of the child (GNU time), or null: on a shared machine the steadier figure. */
  cpuSeconds: number | null;
  stdout: string;
}

const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** A child stopped at `timeoutSeconds`: the figure is "more than" that. */
export class ChildTimedOut extends Error {}

export function runChild(args: string[], cwd: string, env: Record<string, string> = {}, timeoutSeconds?: number): Measured {
  // coreutils `timeout` stops the node child itself (GNU time would leave it running) and exits 124.
  const node = timeoutSeconds ? ["timeout", String(timeoutSeconds), process.execPath] : [process.execPath];
  const [command, ...argv] = [...(GNU_TIME ? [GNU_TIME, "-v"] : []), ...node, ...args] as [string, ...string[]];
  const started = performance.now();
  const r = spawnSync(command, argv, { cwd, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (timeoutSeconds && r.status === 124) throw new ChildTimedOut(`${args.join(" ")} stopped after ${timeoutSeconds} s`);
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}:\n${r.stderr.slice(-3000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? "");
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? "");
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? "");
  const cpuSeconds = user && sys ? Number(user[1]) + Number(sys[1]) : null;
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : null, cpuSeconds, stdout: r.stdout };
}

/** The fastest of `times` runs (the machine is shared: the best run is the least disturbed one). */
export function best(times: number, once: () => Measured, before?: () => void): Measured {
  const all: Measured[] = [];
  for (let i = 0; i < times; i++) {
    before?.();
    all.push(once());
  }
  const fastest = all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  // The fastest run's time with the highest peak RSS seen: memory is not a matter of luck.
  const rss = all.map((m) => m.rssMb ?? 0);
  // CPU seconds: the least of the runs, like the wall time (a loaded machine adds cache misses and switches).
  const cpu = all.map((m) => m.cpuSeconds).filter((c): c is number => c !== null);
  return { ...fastest, rssMb: Math.max(...rss) || null, cpuSeconds: cpu.length > 0 ? Math.min(...cpu) : null };
}
