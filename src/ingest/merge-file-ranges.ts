/**
 * One file's FileAggregate from the aggregates of its byte ranges (split-file.ts), exactly as if the
 * file had been read in one piece: ranges hold consecutive rows, so counts, groups (first-seen order),
 * ids and problems follow by concatenation in range order. The one rule a range cannot apply alone is
 * `duplicate_id` across ranges (the later row is rejected, with a quarantine line): when an id repeats
 * across ranges the merge says so, and the caller reads the file in one piece instead — rare in real
 * exports, and exact without holding any row in memory.
 */
import { IdTable } from "./id-table.ts";
import { idsEqual, type IdTexts } from "./id-text.ts";
import type { AggregateGroup, FileAggregate } from "./file-aggregate.ts";
import { MAX_PROBLEMS_PER_FILE, addTally } from "./tally.ts";
import type { FileReport, Problem } from "./types.ts";

/** The whole file's aggregate without its quarantine (the caller joins the parts), or null when an id repeats across ranges. */
export function mergeFileRanges(ranges: readonly FileAggregate[]): Omit<FileAggregate, "quarantine"> | null {
  const ids = ranges.reduce((n, r) => n + r.idEnds.length, 0);
  const unitCount = ranges.reduce((n, r) => n + r.idUnits.length, 0);
  const units = ranges.some((r) => r.idUnits instanceof Uint16Array) ? new Uint16Array(unitCount) : new Uint8Array(unitCount);
  const ends = new Uint32Array(ids);
  const idHash = new Int32Array(ids);
  const idGroup = new Int32Array(ids);
  const idCount = new Float64Array(ids);
  const idInstant = new Float64Array(ids);
  const idPlaced = new Uint8Array(ids);
  const groups: AggregateGroup[] = [];
  const groupIndex = new Map<string, number>();
  let at = 0;
  let unitsAt = 0;
  for (const r of ranges) {
    const local = r.groups.map(([area, month, category, sum, rows]) => {
      const key = `${area}\t${month}\t${category}`;
      let index = groupIndex.get(key);
      if (index === undefined) groupIndex.set(key, (index = groups.push([area, month, category, 0, 0]) - 1));
      const g = groups[index]!;
      g[3] += sum;
      g[4] += rows;
      return index;
    });
    units.set(r.idUnits, unitsAt);
    for (let i = 0; i < r.idEnds.length; i++) {
      ends[at + i] = unitsAt + r.idEnds[i]!;
      idGroup[at + i] = local[r.idGroup[i]!]!;
    }
    idHash.set(r.idHash, at);
    idCount.set(r.idCount, at);
    idInstant.set(r.idInstant, at);
    idPlaced.set(r.idPlaced, at);
    at += r.idEnds.length;
    unitsAt += r.idUnits.length;
  }
  if (repeatsAcrossRanges({ units, ends }, idHash)) return null;

  let maxPast: number | null = null;
  let minFuture: number | null = null;
  for (const r of ranges) {
    if (r.maxPast !== null && (maxPast === null || r.maxPast > maxPast)) maxPast = r.maxPast;
    if (r.minFuture !== null && (minFuture === null || r.minFuture < minFuture)) minFuture = r.minFuture;
  }
  return { report: mergeReports(ranges.map((r) => r.report)), groups, idUnits: units, idEnds: ends, idHash, idGroup, idCount, idInstant, idPlaced, maxPast, minFuture };
}

/** Whether any id occurs twice (each range's own ids are already distinct, so a repeat spans ranges). */
function repeatsAcrossRanges(texts: IdTexts, hashes: Int32Array): boolean {
  const table = new IdTable(hashes.length);
  let probe = 0;
  const same = (slot: number) => idsEqual(texts, slot, texts, probe);
  for (probe = 0; probe < hashes.length; probe++) if (table.findOrAdd(hashes[probe]!, same) >= 0) return true;
  return false;
}

/**
 * The reports of consecutive ranges as one: tallies add up; the whole-file problems (line null: a
 * missing column, unused coordinates), which every range finds in the same header, come once, from the
 * first range; row problems keep their order and the per-file cap.
 */
function mergeReports(reports: readonly FileReport[]): FileReport {
  const [first, ...rest] = reports as [FileReport, ...FileReport[]];
  const merged: FileReport = structuredClone(first);
  let problems: Problem[] = merged.problems;
  let total = problems.length + merged.problems_truncated;
  for (const r of rest) {
    addTally(merged.tally, r.tally);
    for (const [month, tally] of Object.entries(r.by_month)) {
      const into = merged.by_month[month];
      if (into === undefined) merged.by_month[month] = structuredClone(tally);
      else addTally(into, tally);
    }
    const rows = r.problems.filter((p) => p.line !== null);
    const wholeFile = r.problems.length - rows.length;
    problems = problems.concat(rows.slice(0, Math.max(0, MAX_PROBLEMS_PER_FILE - problems.length)));
    total += r.problems.length - wholeFile + r.problems_truncated;
    if (r.coordinates !== undefined) {
      const c = (merged.coordinates ??= { in_area: 0, outside: 0 });
      c.in_area += r.coordinates.in_area;
      c.outside += r.coordinates.outside;
    }
  }
  merged.problems = problems;
  merged.problems_truncated = total - problems.length;
  // Months and reasons new in a later range are appended: the same first-seen order as one read.
  return merged;
}
