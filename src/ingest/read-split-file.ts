/**
 * Reads one large incident file in byte ranges on several worker threads (split-file.ts) and joins
 * them (merge-file-ranges.ts) into the aggregate one read would give; when an id repeats across
 * ranges, reads the file in one piece instead, so `duplicate_id` rows keep their quarantine lines.
 */
import { rmSync } from "node:fs";
import type { FileAggregate } from "./file-aggregate.ts";
import { mergeFileRanges } from "./merge-file-ranges.ts";
import { joinParts } from "./quarantine-part.ts";
import type { IncidentFileTask } from "./read-incident-file.ts";
import type { FileRange } from "./split-file.ts";

export async function readSplitFile(
  task: IncidentFileTask,
  ranges: readonly FileRange[],
  read: (task: IncidentFileTask) => Promise<FileAggregate>,
  log?: (msg: string, obj: Record<string, unknown>) => void,
): Promise<FileAggregate> {
  const pieces = ranges.map((range, k) => ({ ...task, range, quarantinePart: task.quarantinePart === null ? null : `${task.quarantinePart}.r${k}` }));
  const reading = pieces.map((piece) => read(piece));
  for (const r of reading) r.catch(() => {}); // awaited below; one failure must not leave others unhandled
  let parts: FileAggregate[];
  try {
    parts = await Promise.all(reading);
  } catch (error) {
    await Promise.allSettled(reading);
    for (const piece of pieces) if (piece.quarantinePart !== null) rmSync(piece.quarantinePart, { force: true });
    throw error;
  }
  const whole = mergeFileRanges(parts);
  log?.(`${task.path}: läst i ${ranges.length} delar${whole === null ? ", ett id finns i flera delar: läses om i ett stycke" : ""}`, { file: task.path, ranges: ranges.length, whole: whole === null });
  if (whole === null) {
    for (const p of parts) if (p.quarantine.path !== null) rmSync(p.quarantine.path, { force: true });
    return read(task);
  }
  return { ...whole, quarantine: await joinParts(parts.map((p) => p.quarantine), task.quarantinePart) };
}
