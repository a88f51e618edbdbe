/**
 * Area charts drawn on worker threads (issue 20): at 312 areas a new month draws 313 area charts, ~20 ms
 * of CPU each even with a live chart.js Chart per canvas size, so one thread spent ~6 s on them. The
 * workers (chart-worker.ts) and this thread draw from one queue; a chart's bytes depend only on its spec
 * (the live charts draw what fresh ones draw, tested), never on the thread that drew it, and the results
 * come back in spec order.
 *
 * node-canvas on a worker thread: a worker that loaded the native module and exits while no other thread
 * has it loaded takes the process down with it (segfault at unload, canvas 3.2). This thread loads it
 * (getRenderer) before any worker starts, so the module stays loaded while workers come and go.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { at } from "../core/checked.ts";
import type { ChartSpec } from "./chart-data.ts";
import type { ChartWorkerReply } from "./chart-worker.ts";

/** The bundled worker when bin/bundle.js built one (no tsx in the worker), else the tsx entry. */
const entry = (): URL => (globalThis as { lagesbildChartWorkerEntry?: URL }).lagesbildChartWorkerEntry ?? new URL("./chart-worker-entry.js", import.meta.url);

/**
 * Charts to draw before a worker pays for its start (~0.3 s bundled, ~1 s through tsx, and ~60 MB for its
 * own chart.js, canvas and fonts): 40 charts are ~0.8 s of one thread's drawing.
 */
export const CHART_WORKER_MIN_JOBS = 40;

/** Jobs sent ahead to each worker, so it has the next one while this thread is busy drawing its own. */
const IN_FLIGHT = 3;

/**
 * How many worker threads draw `jobs` area charts beside this thread: LAGESBILD_CHART_WORKERS when set
 * (0 = all on this thread), else one per core but this thread's when there are enough charts.
 */
export function chartWorkerCount(jobs: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const forced = env.LAGESBILD_CHART_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), jobs);
  if (jobs < CHART_WORKER_MIN_JOBS) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, jobs));
}

/**
 * Each spec's area chart, drawn by `workers` worker threads and by `drawHere` on this thread, in spec
 * order. A worker that fails (it could not start, or threw) hands its jobs back to this thread: a chart
 * is never missing because a thread was.
 */
export async function drawAreaChartsInParallel(specs: ReadonlyArray<ChartSpec>, workers: number, drawHere: (spec: ChartSpec) => Buffer, prepare: () => void, onWorkerFailed?: (error: unknown) => void): Promise<Buffer[]> {
  const out: Array<Buffer | undefined> = new Array(specs.length);
  let next = 0;
  const take = (): number | undefined => (next < specs.length ? next++ : undefined);
  let done = false;
  prepare(); // loads node-canvas on this thread first (see above)
  const pool = Array.from({ length: workers }, () => new Worker(entry()));

  const workerLoop = (worker: Worker) =>
    new Promise<void>((resolve) => {
      const pending = new Set<number>();
      let failed = false;
      const fill = () => {
        while (!failed && pending.size < IN_FLIGHT) {
          const i = take();
          if (i === undefined) break;
          pending.add(i);
          worker.postMessage({ id: i, spec: specs[i] });
        }
        if (pending.size === 0) resolve();
      };
      const fail = (error?: unknown) => {
        if (failed) return;
        failed = true;
        if (!done) onWorkerFailed?.(error);
        // This thread draws what the worker held.
        for (const i of pending) out[i] = drawHere(at(specs, i));
        pending.clear();
        resolve();
      };
      worker.on("message", (reply: ChartWorkerReply) => {
        if (!pending.has(reply.id)) return;
        if ("error" in reply) return fail(new Error(reply.error));
        pending.delete(reply.id);
        out[reply.id] = Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength);
        fill();
      });
      worker.on("error", fail);
      worker.on("exit", (code) => fail(new Error(`chart worker exited (${code})`)));
      fill();
    });

  const hereLoop = async () => {
    for (let i = take(); i !== undefined; i = take()) {
      out[i] = drawHere(at(specs, i));
      // Lets the workers' replies in between this thread's drawings, so each gets its next job.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  try {
    await Promise.all([...pool.map(workerLoop), hereLoop()]);
  } finally {
    done = true; // the workers' exits after this are the pool's own doing
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out.map((png, i) => png ?? drawHere(at(specs, i)));
}
