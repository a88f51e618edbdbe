/**
 * A small pool of worker threads reading incident files (read-file-worker.ts), so a run uses every core
 * (spec/indicators.md "Performance"). Results come back per file; the caller merges them in file order,
 * so which worker finished first never changes an outcome.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Config } from "../../config/load-config.ts";
import { LagesbildError, type ErrorCode } from "../../core/errors.ts";
import type { FileAggregate } from "./file-aggregate.ts";
import type { IncidentFileTask } from "./read-incident-file.ts";
import type { WorkerError, WorkerRequest } from "./read-file-worker.ts";
import { mustGet } from "../../core/checked.ts";

/** The bundled worker when bin/bundle.js built one (no tsx in the worker: ~1 s less per thread), else the tsx entry. */
const ENTRY: URL = (globalThis as { lagesbildWorkerEntry?: URL }).lagesbildWorkerEntry ?? new URL("./read-file-worker-entry.js", import.meta.url);

/** Bytes to read before threads pay for their start-up (~0.2 s bundled, ~1 s through tsx, per thread). */
export const WORKER_MIN_BYTES = 32 * 1024 * 1024;

/**
 * How many workers to use for files of `bytes` in total: LAGESBILD_WORKERS when set (0 = read on the
 * main thread), else one per core when there is enough to read, never more than there are files.
 */
export function workerCount(files: number, bytes: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const forced = env.LAGESBILD_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), files);
  if (files < 2 || bytes < WORKER_MIN_BYTES) return 0;
  return Math.min(availableParallelism(), files);
}

function rebuild(error: WorkerError): Error {
  // The code came from a LagesbildError in the worker (same build), serialised as a plain string.
  if (error.kind === "lagesbild") return new LagesbildError(error.code as ErrorCode, error.message);
  if (error.kind === "errno") return Object.assign(new Error(error.message), { code: error.code });
  return new Error(`worker: ${error.message}`);
}

export interface FilePool {
  read(config: Config, sourceIndex: number, file: IncidentFileTask, now: number): Promise<FileAggregate>;
  close(): Promise<void>;
}

export function openFilePool(size: number): FilePool {
  type Job = { req: WorkerRequest; resolve: (a: FileAggregate) => void; reject: (e: Error) => void };
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const running = new Map<Worker, Job>();
  let nextId = 0;

  const dispatch = () => {
    for (;;) {
      const worker = idle.pop();
      if (worker === undefined) return;
      const job = queue.shift();
      if (job === undefined) {
        idle.push(worker);
        return;
      }
      running.set(worker, job);
      worker.postMessage(job.req);
    }
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(ENTRY);
    worker.on("message", (msg: { aggregate: FileAggregate } | { error: WorkerError }) => {
      const job = mustGet(running, worker, "the job of a worker that answered");
      running.delete(worker);
      idle.push(worker);
      if ("error" in msg) job.reject(rebuild(msg.error));
      else job.resolve(msg.aggregate);
      dispatch();
    });
    worker.on("error", (error) => {
      running.get(worker)?.reject(error);
      running.delete(worker);
    });
    idle.push(worker);
    return worker;
  });

  return {
    read(config, sourceIndex, file, now) {
      return new Promise((resolve, reject) => {
        queue.push({ req: { id: nextId++, config, sourceIndex, file, now }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
