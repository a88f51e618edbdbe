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
import type { FileReport } from "./types.ts";
import type { AddOutcome } from "./incident-accumulator.ts";

/** How an accepted row got its area: 0 from its area cell, 1 in an area's polygon, 2 outside all. */
export type Placed = 0 | 1 | 2;

/** What the incident readers write their accepted rows to: one file's accumulator or the source's. */
export interface IncidentSink {
  beginFile(report: FileReport): void;
  add(id: string, area: string, month: string, category: string, instant: number, count: number, placed?: Placed): AddOutcome;
  /** Every dated row's instant before the `future_date` test: decides which runs a cache entry serves. */
  noteInstant?(instant: number, future: boolean): void;
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
   * First row of each id in the file, in compact parallel arrays (cheap to post between threads and to
   * store): id i is `idText.slice(idEnds[i - 1] ?? 0, idEnds[i])`; `idGroup` indexes `groups`.
   */
  idText: string;
  idEnds: Uint32Array;
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
  private readonly ids: string[] = [];
  private probe = "";
  private readonly same = (slot: number) => this.ids[slot] === this.probe;
  private readonly idGroup: number[] = [];
  private readonly idCount: number[] = [];
  private readonly idInstant: number[] = [];
  private readonly idPlaced: Placed[] = [];
  private maxPast: number | null = null;
  private minFuture: number | null = null;

  beginFile(report: FileReport): void {
    if (this.report !== null) throw new Error("FileAccumulator holds one file");
    this.report = report;
  }

  add(id: string, area: string, month: string, category: string, instant: number, count: number, placed: Placed = 0): AddOutcome {
    if (id !== "") {
      this.probe = id;
      if (this.idSlot.findOrAdd(hashRange(id, 0, id.length), this.same) >= 0) return "duplicate_id";
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
    const g = this.groups[group]!;
    g[3] += count;
    g[4]++;
    if (id !== "") {
      this.ids.push(id);
      this.idGroup.push(group);
      this.idCount.push(count);
      this.idInstant.push(instant);
      this.idPlaced.push(placed);
    }
    return "accepted";
  }

  noteInstant(instant: number, future: boolean): void {
    if (future) {
      if (this.minFuture === null || instant < this.minFuture) this.minFuture = instant;
    } else if (this.maxPast === null || instant > this.maxPast) this.maxPast = instant;
  }

  result(quarantine: QuarantinePart): FileAggregate {
    if (this.report === null) throw new Error("no file was read");
    const idEnds = new Uint32Array(this.ids.length);
    let end = 0;
    for (let i = 0; i < this.ids.length; i++) idEnds[i] = end += this.ids[i]!.length;
    return {
      report: this.report,
      groups: this.groups,
      idText: this.ids.join(""),
      idEnds,
      idGroup: Int32Array.from(this.idGroup),
      idCount: Float64Array.from(this.idCount),
      idInstant: Float64Array.from(this.idInstant),
      idPlaced: Uint8Array.from(this.idPlaced),
      quarantine,
      maxPast: this.maxPast,
      minFuture: this.minFuture,
    };
  }
}
