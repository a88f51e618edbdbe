/**
 * Area charts drawn on worker threads (issue 20): at 312 areas a new month draws 313 area charts, ~15 ms
 * of CPU each, so one thread spent ~5 s on them. The workers (chart-worker.ts) start as soon as the month
 * knows which charts it must draw and draw while this thread renders the month's pages and data files;
 * this thread then draws what is left (finish). Workers and this thread take jobs from one counter in
 * shared memory, so a worker never waits for this thread to hand it work while this thread is busy with
 * something else. A chart's bytes depend only on its spec (the live charts draw what fresh ones draw,
 * tested), never on the thread that drew it, and the results come back in job order.
 *
 * node-canvas on a worker thread: a worker that loaded the native module and exits while no other thread
 * has it loaded takes the process down with it (segfault at unload, canvas 3.2). This thread loads it
 * (`prepare`) before any worker starts, so the module stays loaded while workers come and go.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ChartSpec } from "./chart-data.ts";
import type { ChartWorkerReply, ChartWorkerRequest } from "./chart-worker.ts";

/** The bundled worker when bin/bundle.js built one (no tsx in the worker), else the tsx entry. */
const entry = (): URL => (globalThis as { lagesbildChartWorkerEntry?: URL }).lagesbildChartWorkerEntry ?? new URL("./chart-worker-entry.js", import.meta.url);

/**
 * Charts to draw before a worker pays for its start (~0.3 s bundled, ~1 s through tsx, and ~60 MB for its
 * own chart.js, canvas and fonts): 40 charts are ~0.6 s of one thread's drawing.
 */
export const CHART_WORKER_MIN_JOBS = 40;

/** Bad LAGESBILD_CHART_WORKERS values already reported: a run asks twice (workers started ahead, then the month's). */
const reported = new Set<string>();

/**
 * How many worker threads draw `jobs` area charts beside this thread: LAGESBILD_CHART_WORKERS when set
 * to a whole number (0 = all on this thread), else one per core but this thread's when there are enough
 * charts. A value that is not a whole number is reported through `warn` (once per process) and the default used.
 */
export function chartWorkerCount(jobs: number, env: Readonly<Record<string, string | undefined>> = process.env, warn?: (message: string) => void): number {
  const forced = env.LAGESBILD_CHART_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced.trim())) return Math.min(Number(forced.trim()), jobs);
  if (forced !== undefined && forced.trim() !== "" && warn !== undefined && !reported.has(forced)) {
    reported.add(forced);
    warn(`LAGESBILD_CHART_WORKERS=${JSON.stringify(forced)} är inte ett heltal ≥ 0; antalet diagramtrådar väljs automatiskt.`);
  }
  if (jobs < CHART_WORKER_MIN_JOBS) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, jobs));
}

/**
 * `count` chart workers, started now: each loads chart.js, canvas and its fonts (~0.3 s bundled) and then
 * waits for its one request (startChartJobs). Started ahead of the month's charts (area-chart-run.ts),
 * their start-up overlaps the run's reading and aggregation. `prepare` loads node-canvas here first.
 */
export function spawnChartWorkers(count: number, prepare: () => void): Worker[] {
  if (count > 0) prepare(); // see above: node-canvas on this thread before any worker's
  return Array.from({ length: count }, () => new Worker(entry()));
}

export interface ChartJobs {
  /** Draws on this thread the jobs no worker has taken, waits for the workers', and gives every PNG in job order. */
  finish(): Promise<Buffer[]>;
  /** Stops the workers (after finish, or when the month fails before it). */
  close(): Promise<void>;
}

/** What startChartJobs draws, on which threads, and where the drawings are kept. */
export interface ChartJobsRequest {
  specs: ReadonlyArray<ChartSpec>;
  /**
   * Per job, the chart store's file a worker writes its drawing to as soon as it is drawn (null: none).
   * Written there while the threads draw, not by this thread after the last chart: at 312 areas ~300
   * store writes were a tenth of a second at the end of a month's run, with the other core idle.
   */
  storeFiles?: ReadonlyArray<string | null>;
  /** The workers, started by spawnChartWorkers (ahead of the month's charts, or now). */
  workers: Worker[];
  /** Draws job i on this thread (and keeps it where storeFiles says: this thread's own concern). */
  drawHere: (i: number) => Buffer;
  onWorkerFailed: (error: Error) => void;
}

/**
 * Starts drawing `specs` on `workers` worker threads at once; `drawHere(i)` draws job i on this thread.
 * A worker that fails (it could not start, or threw) is reported through `onWorkerFailed` and the jobs it
 * had taken are drawn here: a chart is never missing because a thread was.
 */
export function startChartJobs({ specs, storeFiles = [], workers: pool, drawHere, onWorkerFailed }: ChartJobsRequest): ChartJobs {
  const out: Array<Buffer | undefined> = new Array(specs.length);
  // The next job's index, shared with the workers (Atomics.add hands each index out once).
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const take = (): number => Atomics.add(counter, 0, 1);
  let closing = false;
  for (const w of pool) w.ref(); // a started worker may have been unref'd while it waited for work
  const finished = pool.map(
    (worker) =>
      new Promise<void>((resolve) => {
        let failed = false;
        const fail = (error: Error) => {
          if (failed) return;
          failed = true;
          if (!closing) onWorkerFailed(error);
          resolve();
        };
        worker.on("message", (reply: ChartWorkerReply) => {
          if ("done" in reply) return resolve();
          if ("error" in reply) return fail(new Error(`diagram ${specs[reply.id]?.name ?? reply.id}: ${reply.error}`));
          out[reply.id] = Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength);
        });
        worker.on("error", fail);
        worker.on("exit", (code) => fail(new Error(`diagramtråden avslutades (kod ${code})`)));
        const request: ChartWorkerRequest = { specs, storeFiles, counter: counter.buffer as SharedArrayBuffer };
        worker.postMessage(request);
      }),
  );
  const close = async () => {
    closing = true; // the workers' exits after this are the pool's own doing
    await Promise.all(pool.map((w) => w.terminate()));
  };
  return {
    async finish() {
      for (let i = take(); i < specs.length; i = take()) out[i] = drawHere(i);
      await Promise.all(finished);
      await close();
      // A failed worker's taken jobs, drawn here.
      return out.map((png, i) => png ?? drawHere(i));
    },
    close,
  };
}
