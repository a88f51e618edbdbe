/**
 * Worker thread body (chart-pool.ts; started through chart-worker-entry.js, which registers tsx, or as
 * its own bundle): takes the next area chart from the shared counter, draws it, posts its PNG back, and
 * says when no job is left. Each drawing is also written to its chart store file when the request names
 * one (chart-pool.ts storeFiles); the main thread keeps the store's bookkeeping. It loads the area
 * chart's drawing (area-chart.ts) and, through charts.ts, the rest of the chart module.
 */
import { parentPort } from "node:worker_threads";
import type { ChartSpec } from "./chart-data.ts";
import { areaPanels, areaRenderer, drawAreaChart } from "./area-chart.ts";
import { writeStoreFile } from "./chart-store.ts";

// The renderer (its own chart.js copy and cairo surface) is made while the worker waits for its request:
// a worker started ahead of the month's charts (chart-pool.ts spawnChartWorkers) is then ready to draw.
areaRenderer();

export interface ChartWorkerRequest {
  specs: ReadonlyArray<ChartSpec>;
  /** Per job, the chart store file to write the drawing to, or null (chart-pool.ts). */
  storeFiles: ReadonlyArray<string | null>;
  /** One Int32: the next job's index (Atomics.add). */
  counter: SharedArrayBuffer;
}

export type ChartWorkerReply = { id: number; png: Uint8Array } | { id: number; error: string } | { done: true };

// `on`, not `once`: a listening port keeps the worker alive after its last job, until the pool ends it,
// so its "done" and last PNGs are never raced by its own exit (an exit before "done" is a failure).
parentPort?.on("message", (req: ChartWorkerRequest) => {
  const next = new Int32Array(req.counter);
  for (let i = Atomics.add(next, 0, 1); i < req.specs.length; i = Atomics.add(next, 0, 1)) {
    const spec = req.specs[i];
    if (spec === undefined) break;
    let reply: ChartWorkerReply;
    try {
      const png = drawAreaChart(areaPanels(spec));
      const file = req.storeFiles[i];
      if (file) writeStoreFile(file, png);
      reply = { id: i, png };
    } catch (cause) {
      // The main thread draws this one (and reports the failure); this worker stops taking jobs.
      parentPort?.postMessage({ id: i, error: cause instanceof Error ? cause.message : String(cause) } satisfies ChartWorkerReply);
      return;
    }
    parentPort?.postMessage(reply);
  }
  parentPort?.postMessage({ done: true } satisfies ChartWorkerReply);
});
