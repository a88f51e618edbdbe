/**
 * Reads one `format: csv` incident file on its own into a FileAggregate (file-aggregate.ts): the unit
 * of work of a worker thread and of the per-file cache. Same reader, same outcomes as reading straight
 * into the source's accumulator; rejected rows' quarantine lines are kept with the result.
 */
import type { Config } from "../config/load-config.ts";
import type { IncidentSourceConfig } from "../config/schema.ts";
import type { BadBytes, Encoding } from "./decode-bytes.ts";
import { FileAccumulator, type FileAggregate } from "./file-aggregate.ts";
import { collectQuarantine } from "./quarantine.ts";
import { readIncidentsCsv, type IncidentLookups } from "./read-incidents-csv.ts";

export interface IncidentFileTask {
  absolute: string;
  path: string;
  sha256: string;
  encoding: Encoding;
  badBytes: BadBytes | null;
}

export async function readIncidentFile(
  config: Config,
  source: IncidentSourceConfig,
  file: IncidentFileTask,
  now: number,
  lookups?: IncidentLookups,
): Promise<FileAggregate> {
  const sink = new FileAccumulator();
  const quarantine = collectQuarantine();
  await readIncidentsCsv({ config, source, file, now, sink, quarantine, ...(lookups ? { lookups } : {}) });
  return sink.result(quarantine.lines);
}
