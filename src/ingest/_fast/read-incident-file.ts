/**
 * Reads one `format: csv` incident file on its own into a FileAggregate (file-aggregate.ts): the unit
 * of work of a worker thread and of the per-file cache. Same reader, same outcomes as reading straight
 * into the source's accumulator; rejected rows' quarantine lines go to a part file (quarantine-part.ts), not memory.
 */
import { rmSync } from "node:fs";
import type { Config } from "../../config/load-config.ts";
import type { IncidentSourceConfig } from "../../config/schema.ts";
import type { BadBytes, Encoding } from "../text/decode-bytes.ts";
import { FileAccumulator, type FileAggregate } from "./file-aggregate.ts";
import { openQuarantinePart } from "./quarantine-part.ts";
import { readIncidentsCsv, type IncidentLookups } from "../formats/read-incidents-csv.ts";
import type { FileRange } from "./split-file.ts";

export interface IncidentFileTask {
  absolute: string;
  path: string;
  sha256: string;
  encoding: Encoding;
  badBytes: BadBytes | null;
  /** Absolute path to write the file's quarantine lines to (quarantine-part.ts); null: only count them. */
  quarantinePart: string | null;
  /** Only these bytes of the file (split-file.ts); absent: the whole file. */
  range?: FileRange | null;
  /** The file's size in bytes, when known: sizes the id arrays once (read-incidents-csv.ts). */
  size?: number;
  /** Ids that earlier ranges of the file hold (read-split-file.ts): rows with them are `duplicate_id`. */
  seenIds?: string[];
}

export async function readIncidentFile(
  config: Config,
  source: IncidentSourceConfig,
  file: IncidentFileTask,
  now: number,
  lookups?: IncidentLookups,
): Promise<FileAggregate> {
  const sink = new FileAccumulator(file.seenIds);
  const quarantine = openQuarantinePart(file.quarantinePart);
  try {
    await readIncidentsCsv({ config, source, file, now, sink, quarantine, ...(lookups ? { lookups } : {}) });
  } catch (error) {
    await quarantine.finish().catch(() => {});
    if (file.quarantinePart !== null) rmSync(file.quarantinePart, { force: true });
    throw error;
  }
  return sink.result(await quarantine.finish());
}
