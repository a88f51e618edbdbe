/**
 * One file's FileAggregate from the aggregates of its byte ranges (split-file.ts), exactly as if the
 * file had been read in one piece: ranges hold consecutive rows, so counts, groups (first-seen order),
 * ids and problems follow by concatenation in range order. The one rule a range cannot apply alone is
 * `duplicate_id` across ranges (the later row is rejected, with its quarantine line): `repeatsByRange`
 * finds those ids, and the caller reads the ranges holding them again, told which ids came before.
 */
import { IdTable } from "./id-table.ts";
import { idsEqual, idString, type IdTexts } from "../text/id-text.ts";
import type { AggregateGroup, FileAggregate } from "./file-aggregate.ts";
import { addDated } from "../../core/dated-spans.ts";
import { MAX_PROBLEMS_PER_FILE, addTally } from "../tally.ts";
import type { FileReport, Problem } from "../../model/records.ts";
import { at as item } from "../../core/checked.ts";

/**
 * Per range, the ids an earlier range already holds (empty for the first). Each range's own ids are
 * distinct already (its reader applied `duplicate_id` within it), so any repeat spans ranges.
 */
export function repeatsByRange(ranges: readonly FileAggregate[]): string[][] {
  const total = ranges.reduce((n, r) => n + r.idEnds.length, 0);
  const table = new IdTable(total);
  const texts: IdTexts[] = ranges.map((r) => ({ units: r.idUnits, ends: r.idEnds }));
  // Where slot s's id is: id slotIndex[s] of range slotRange[s] (typed arrays: no object per id).
  const slotRange = new Int32Array(total);
  const slotIndex = new Int32Array(total);
  let probe = item(texts, 0);
  let probeIndex = 0;
  const same = (slot: number) => idsEqual(item(texts, item(slotRange, slot)), item(slotIndex, slot), probe, probeIndex);
  return ranges.map((r, k) => {
    probe = item(texts, k);
    const repeats: string[] = [];
    for (probeIndex = 0; probeIndex < r.idEnds.length; probeIndex++) {
      const slot = table.findOrAdd(item(r.idHash, probeIndex), same);
      if (slot >= 0) {
        repeats.push(idString(probe, probeIndex));
      } else {
        slotRange[~slot] = k;
        slotIndex[~slot] = probeIndex;
      }
    }
    return repeats;
  });
}

/** The whole file's aggregate without its quarantine (the caller joins the parts); no id may repeat across ranges (repeatsByRange). */
export function mergeFileRanges(ranges: readonly FileAggregate[]): Omit<FileAggregate, "quarantine"> {
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
      const g = item(groups, index);
      g[3] += sum;
      g[4] += rows;
      return index;
    });
    units.set(r.idUnits, unitsAt);
    for (let i = 0; i < r.idEnds.length; i++) {
      ends[at + i] = unitsAt + item(r.idEnds, i);
      idGroup[at + i] = item(local, item(r.idGroup, i));
    }
    idHash.set(r.idHash, at);
    idCount.set(r.idCount, at);
    idInstant.set(r.idInstant, at);
    idPlaced.set(r.idPlaced, at);
    at += r.idEnds.length;
    unitsAt += r.idUnits.length;
  }

  let maxPast: number | null = null;
  let minFuture: number | null = null;
  for (const r of ranges) {
    if (r.maxPast !== null && (maxPast === null || r.maxPast > maxPast)) maxPast = r.maxPast;
    if (r.minFuture !== null && (minFuture === null || r.minFuture < minFuture)) minFuture = r.minFuture;
  }
  return { report: mergeReports(ranges.map((r) => r.report)), groups, idUnits: units, idEnds: ends, idHash, idGroup, idCount, idInstant, idPlaced, maxPast, minFuture };
}

/**
 * The reports of consecutive ranges as one: tallies add up; the whole-file problems (line null: a
 * missing column, unused coordinates), which every range finds in the same header, come once, from the
 * first range; row problems keep their order and the per-file cap.
 */
function mergeReports(reports: readonly FileReport[]): FileReport {
  // split-file.ts cuts every file into at least one range, so there is always a first report.
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
    addDated((merged.dated ??= {}), r.dated);
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
