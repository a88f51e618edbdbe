/**
 * Reads one large incident file in byte ranges on several worker threads (split-file.ts) and joins
 * them (merge-file-ranges.ts) into the aggregate one read would give. A range holding ids an earlier
 * range already has is read again, told those ids, so their rows become `duplicate_id` with their
 * problems and quarantine lines in place (rare: an export that repeats a case within itself).
 */
import { rmSync } from "node:fs";
import type { FileAggregate } from "./file-aggregate.ts";
import { mergeFileRanges, repeatsByRange } from "./merge-file-ranges.ts";
import { joinParts } from "./quarantine-part.ts";
import type { IncidentFileTask } from "./read-incident-file.ts";
import type { FileRange } from "./split-file.ts";
import { at } from "../../core/checked.ts";

/**
 * `ranges` is scanRanges' generator: each range is sent to `read` as soon as the scan finds it. When
 * the scan ends unsafe, what was read is dropped and the file is read whole.
 */
export async function readSplitFile(
  task: IncidentFileTask,
  ranges: Generator<FileRange, boolean>,
  read: (task: IncidentFileTask) => Promise<FileAggregate>,
  log?: (msg: string, obj: Record<string, unknown>) => void,
): Promise<FileAggregate> {
  const pieces: IncidentFileTask[] = [];
  const reading: Array<Promise<FileAggregate>> = [];
  const removeParts = () => {
    for (const piece of pieces) if (piece.quarantinePart !== null) rmSync(piece.quarantinePart, { force: true });
  };
  let safe: boolean;
  for (let next = ranges.next(); ; next = ranges.next()) {
    if (next.done) {
      safe = next.value;
      break;
    }
    const piece = { ...task, range: next.value, quarantinePart: task.quarantinePart === null ? null : `${task.quarantinePart}.r${pieces.length}` };
    pieces.push(piece);
    const started = read(piece);
    started.catch(() => {}); // awaited below
    reading.push(started);
  }
  if (!safe) {
    await Promise.allSettled(reading);
    removeParts();
    return read(task);
  }
  try {
    const parts = await readAll(reading.map((r) => () => r));
    const repeats = repeatsByRange(parts);
    const again = repeats.flatMap((ids, k) => (ids.length > 0 ? [k] : []));
    log?.(`${task.path}: läst i ${pieces.length} delar${again.length > 0 ? `; ${again.length} delar läses om för id:n som finns i en tidigare del` : ""}`, { file: task.path, ranges: pieces.length, reread: again.length });
    for (const k of again) {
      const part = at(pieces, k).quarantinePart;
      if (part !== null) rmSync(part, { force: true });
    }
    const reread = await readAll(again.map((k) => () => read({ ...at(pieces, k), seenIds: at(repeats, k) })));
    again.forEach((k, i) => (parts[k] = at(reread, i)));
    return { ...mergeFileRanges(parts), quarantine: await joinParts(parts.map((p) => p.quarantine), task.quarantinePart) };
  } catch (error) {
    removeParts();
    throw error;
  }
}

/** Starts every read, then waits for all; when one fails, the others are still awaited before the error goes on. */
async function readAll(reads: ReadonlyArray<() => Promise<FileAggregate>>): Promise<FileAggregate[]> {
  const started = reads.map((r) => r());
  for (const p of started) p.catch(() => {});
  try {
    return await Promise.all(started);
  } catch (error) {
    await Promise.allSettled(started);
    throw error;
  }
}
