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

/** A child stopped at `timeoutSeconds`: the figure is "more than" that; what it had used by then (GNU time). */
export class ChildTimedOut extends Error {
  constructor(
    message: string,
    readonly timeoutSeconds: number,
    readonly cpuSeconds: number | null,
    readonly rssMb: number | null,
  ) {
    super(message);
  }
}

/** Seconds a stopped child has after SIGTERM before coreutils `timeout` sends SIGKILL. */
const KILL_AFTER = 10;

export function runChild(args: string[], cwd: string, env: Record<string, string> = {}, timeoutSeconds?: number): Measured {
  // coreutils `timeout` stops the node child itself (GNU time would leave it running): SIGTERM, then
  // SIGKILL after KILL_AFTER s if it is still there; it exits 124 (137 when it had to kill). GNU time
  // then reports "Command exited with non-zero status 124" and exits 1 itself, so the status alone is
  // not the sign (the bench printed a stopped plan as a failure).
  const node = timeoutSeconds ? ["timeout", `--kill-after=${KILL_AFTER}`, String(timeoutSeconds), process.execPath] : [process.execPath];
  const [command, ...argv] = [...(GNU_TIME ? [GNU_TIME, "-v"] : []), ...node, ...args] as [string, ...string[]];
  const started = performance.now();
  const r = spawnSync(command, argv, { cwd, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? "");
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? "");
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? "");
  const cpuSeconds = user && sys ? Number(user[1]) + Number(sys[1]) : null;
  const rssMb = rss ? Number(rss[1]) / 1024 : null;
  const timeoutStatus = (status: number | null) => status === 124 || status === 137;
  const wrapped = /Command exited with non-zero status (\d+)/.exec(r.stderr ?? "");
  if (timeoutSeconds && (timeoutStatus(r.status) || (wrapped && timeoutStatus(Number(wrapped[1]))))) {
    throw new ChildTimedOut(`${args.join(" ")} stopped after ${timeoutSeconds} s`, timeoutSeconds, cpuSeconds, rssMb);
  }
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}:\n${r.stderr.slice(-3000)}`);
  return { seconds, rssMb, cpuSeconds, stdout: r.stdout };
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
