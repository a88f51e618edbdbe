/**
 * Worker thread body (chart-pool.ts; started through chart-worker-entry.js, which registers tsx, or as
 * its own bundle): draws the area charts it is sent, one at a time, and posts each PNG back. Nothing is
 * remembered or stored here: the main thread keeps the chart store.
 */
import { parentPort } from "node:worker_threads";
import type { ChartSpec } from "./chart-data.ts";
import { drawAreaChart } from "./charts.ts";

export type ChartWorkerReply = { id: number; png: Uint8Array } | { id: number; error: string };

parentPort?.on("message", (req: { id: number; spec: ChartSpec }) => {
  let reply: ChartWorkerReply;
  try {
    reply = { id: req.id, png: drawAreaChart(req.spec) };
  } catch (cause) {
    reply = { id: req.id, error: cause instanceof Error ? cause.message : String(cause) };
  }
  parentPort?.postMessage(reply);
});
