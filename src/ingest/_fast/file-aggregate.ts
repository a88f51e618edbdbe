/**
 * One incident file read on its own (in a worker, or loaded from the cache): its row accounting, its
 * Σ count per (area, month, category), and its ids with what each counted, so the cross-file id rules
 * of spec/inputs.md can be applied afterwards, in file order, exactly as if the files had been read one
 * after the other into one IncidentAccumulator (`IncidentAccumulator.mergeFile`).
 *
 * Within the file the rules are already applied here: the first row of an id counts, a later row of the
 * same id is `duplicate_id`. Whether that first row stays accepted, becomes `duplicate` (ignored) or
 * supersedes an earlier file's row is decided at the merge. Memory: one entry per group and per id.
 */
import { hashRange, IdTable } from "./id-table.ts";
import { grow, idEqualsString, IdTextBuilder, type IdUnits } from "../text/id-text.ts";
import type { FileReport } from "../../model/records.ts";
import type { AddOutcome } from "../incident-accumulator.ts";
import { at } from "../../core/checked.ts";

/** How an accepted row got its area: 0 from its area cell, 1 in an area's polygon, 2 outside all. */
export type Placed = 0 | 1 | 2;

/** What the incident readers write their accepted rows to: one file's accumulator or the source's. */
export interface IncidentSink {
  beginFile(report: FileReport): void;
  add(id: string, area: string, month: string, category: string, instant: number, count: number, placed?: Placed): AddOutcome;
  /** Every dated row's instant before the `future_date` test: decides which runs a cache entry serves. */
  noteInstant?(instant: number, future: boolean): void;
  /** A hint that about `rows` more rows will be added, so id arrays are sized once (fresh memory is slow to touch). */
  expectRows?(rows: number): void;
}

/** Where a file's quarantine lines are (quarantine-part.ts): never in memory, so RSS does not grow with rejected rows. */
export interface QuarantinePart {
  /** Rejected rows written, and the bytes they took. */
  rows: number;
  bytes: number;
  /** Absolute path of the file holding exactly those lines; null when there are none. */
  path: string | null;
}

export type AggregateGroup = [area: string, month: string, category: string, sum: number, rows: number];

export interface FileAggregate {
  report: FileReport;
  /** [area, month, category, Σ count, accepted rows], in first-seen order. */
  groups: AggregateGroup[];
  /**
   * First row of each id in the file, in compact parallel arrays (moved between threads without a
   * copy, stored as raw bytes): id i is the code units `idUnits[idEnds[i - 1] ?? 0, idEnds[i])`
   * (id-text.ts), `idHash` its hashRange, `idGroup` an index into `groups`.
   */
  idUnits: IdUnits;
  idEnds: Uint32Array;
  idHash: Int32Array;
  idGroup: Int32Array;
  idCount: Float64Array;
  idInstant: Float64Array;
  idPlaced: Uint8Array;
  quarantine: QuarantinePart;
  /**
   * The latest instant that passed `future_date` and the earliest that failed it (null: none). The
   * aggregate is valid for any run time `now` with maxPast ≤ now < minFuture (incident-cache.ts).
   */
  maxPast: number | null;
  minFuture: number | null;
}

export class FileAccumulator implements IncidentSink {
  private report: FileReport | null = null;
  private readonly groupIndex = new Map<string, Map<string, Map<string, number>>>();
  private readonly groups: AggregateGroup[] = [];
  private readonly idSlot = new IdTable();
  private readonly ids = new IdTextBuilder();
  private probe = "";
  private readonly same = (slot: number) => idEqualsString(this.ids, slot, this.probe);
  // Per id, parallel to `ids`: growable typed arrays, so 10 M ids are a few buffers, not 10 M values for the GC.
  private idHash = new Int32Array(256);
  private idGroup = new Int32Array(256);
  private idCount = new Float64Array(256);
  private idInstant = new Float64Array(256);
  private idPlaced = new Uint8Array(256);
  private maxPast: number | null = null;
  private minFuture: number | null = null;
  /** Ids an earlier range of the same file already has (split files, read-split-file.ts): their rows here are `duplicate_id`. */
  private readonly seenBefore: ReadonlySet<string> | null;

  constructor(seenBefore: readonly string[] = []) {
    this.seenBefore = seenBefore.length > 0 ? new Set(seenBefore) : null;
  }

  beginFile(report: FileReport): void {
    if (this.report !== null) throw new Error("FileAccumulator holds one file");
    this.report = report;
  }

  add(id: string, area: string, month: string, category: string, instant: number, count: number, placed: Placed = 0): AddOutcome {
    let slot = -1;
    if (id !== "") {
      if (this.seenBefore?.has(id)) return "duplicate_id";
      this.probe = id;
      const h = hashRange(id, 0, id.length);
      slot = this.idSlot.findOrAdd(h, this.same);
      if (slot >= 0) return "duplicate_id";
      slot = ~slot;
      this.ids.push(id);
      if (slot === this.idHash.length) this.growIds();
      this.idHash[slot] = h;
    }
    // Nested maps on the (interned) area and category ids: no key string is built per row.
    let byMonth = this.groupIndex.get(area);
    if (byMonth === undefined) this.groupIndex.set(area, (byMonth = new Map()));
    let byCategory = byMonth.get(month);
    if (byCategory === undefined) byMonth.set(month, (byCategory = new Map()));
    let group = byCategory.get(category);
    if (group === undefined) {
      group = this.groups.push([area, month, category, 0, 0]) - 1;
      byCategory.set(category, group);
    }
    const g = at(this.groups, group);
    g[3] += count;
    g[4]++;
    if (slot >= 0) {
      this.idGroup[slot] = group;
      this.idCount[slot] = count;
      this.idInstant[slot] = instant;
      this.idPlaced[slot] = placed;
    }
    return "accepted";
  }

  expectRows(rows: number): void {
    const size = this.ids.size;
    const need = size + rows;
    if (need <= this.idHash.length) return;
    const texts = this.ids.texts();
    this.ids.reserve(rows, size > 0 ? texts.units.length / size : 16);
    this.idSlot.reserve(rows);
    this.growIds(need);
  }

  private growIds(need = this.idHash.length + 1): void {
    this.idHash = grow(this.idHash, need);
    this.idGroup = grow(this.idGroup, need);
    this.idCount = grow(this.idCount, need);
    this.idInstant = grow(this.idInstant, need);
    this.idPlaced = grow(this.idPlaced, need);
  }

  noteInstant(instant: number, future: boolean): void {
    if (future) {
      if (this.minFuture === null || instant < this.minFuture) this.minFuture = instant;
    } else if (this.maxPast === null || instant > this.maxPast) this.maxPast = instant;
  }

  /**
   * The file's aggregate. The id texts, which the merge keeps for the whole run, are copied to their
   * exact size; the other arrays, dropped after the merge, are views of this accumulator's buffers.
   */
  result(quarantine: QuarantinePart): FileAggregate {
    if (this.report === null) throw new Error("no file was read");
    const n = this.ids.size;
    const texts = this.ids.texts();
    return {
      report: this.report,
      groups: this.groups,
      idUnits: texts.units.slice(),
      idEnds: texts.ends.slice(),
      idHash: this.idHash.subarray(0, n),
      idGroup: this.idGroup.subarray(0, n),
      idCount: this.idCount.subarray(0, n),
      idInstant: this.idInstant.subarray(0, n),
      idPlaced: this.idPlaced.subarray(0, n),
      quarantine,
      maxPast: this.maxPast,
      minFuture: this.minFuture,
    };
  }
}
