/**
 * Worker thread body (started through read-file-worker-entry.js, which registers tsx): reads the
 * incident files it is sent, one at a time, and posts each FileAggregate back. Lookups are built once
 * per source. Errors go back as data; the pool rebuilds them as the same errors on the main thread.
 */
import { parentPort } from "node:worker_threads";
import type { Config } from "../../config/load-config.ts";
import { incidentSourceAt } from "../../config/schema.ts";
import { LagesbildError } from "../../core/errors.ts";
import { errorCode, errorMessage } from "../../core/error-facts.ts";
import { prepareIncidentLookups, type IncidentLookups } from "../formats/read-incidents-csv.ts";
import { readIncidentFile, type IncidentFileTask } from "./read-incident-file.ts";

export interface WorkerRequest {
  id: number;
  config: Config;
  sourceIndex: number;
  file: IncidentFileTask;
  now: number;
}

export type WorkerError = { kind: "lagesbild"; code: string; message: string } | { kind: "errno"; code: string; message: string } | { kind: "other"; message: string };

const lookups = new Map<number, IncidentLookups>();

// Only ever loaded as a worker's body (read-file-worker-entry.js), where parentPort exists.
const port = parentPort;
port?.on("message", (req: WorkerRequest) => {
  void (async () => {
    try {
      const source = incidentSourceAt(req.config.sources, req.sourceIndex);
      let l = lookups.get(req.sourceIndex);
      if (l === undefined) lookups.set(req.sourceIndex, (l = prepareIncidentLookups(req.config, source)));
      const aggregate = await readIncidentFile(req.config, source, req.file, req.now, l);
      // The id arrays are moved, not copied, to the main thread.
      const moved = [aggregate.idUnits, aggregate.idEnds, aggregate.idHash, aggregate.idGroup, aggregate.idCount, aggregate.idInstant, aggregate.idPlaced].map((a) => a.buffer as ArrayBuffer);
      port?.postMessage({ id: req.id, aggregate }, moved);
    } catch (cause) {
      const code = errorCode(cause);
      const error: WorkerError =
        cause instanceof LagesbildError
          ? { kind: "lagesbild", code: cause.code, message: cause.message }
          : code !== undefined
            ? { kind: "errno", code, message: errorMessage(cause) }
            : { kind: "other", message: cause instanceof Error ? String(cause.stack ?? cause) : String(cause) };
      port?.postMessage({ id: req.id, error });
    }
  })();
});
