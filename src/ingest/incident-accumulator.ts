/**
 * The sink of an incident source: Σ count per (area, month, category), and the cross-file id rules
 * of spec/inputs.md ("Overlapping exports never double-count"). Files are read in sorted order:
 * - an id repeated within one file is `duplicate_id` (rejected; the first row stays);
 * - an id repeated in a later file is `duplicate` (ignored) when the row is identical (same time,
 *   category, area, count), otherwise a revision: the earlier row's contribution is replaced, and the
 *   earlier row moves from accepted to ignored `superseded` in the earlier file's report.
 * It also knows the first and last month with accepted rows (for `covers`).
 *
 * Memory is one small entry per distinct id (spec/indicators.md "Performance"), never per row: an
 * IdTable (id-table.ts) maps the id to a slot in typed arrays, and each row's group is an index into
 * the (few) groups. The id texts themselves are not copied: a slot points at its id in the merged
 * file's code units (id-text.ts, kept per file), so a distinct id costs about 55 bytes in all, with
 * nothing per id for the garbage collector to visit.
 */
import type { FileAggregate } from "./_fast/file-aggregate.ts";
import { hashRange, IdTable } from "./_fast/id-table.ts";
import { idEqualsString, idsEqual, IdTextBuilder, resized, type IdTexts } from "./text/id-text.ts";
import { GroupCounts } from "../model/group-counts.ts";
import { reclassifyAccepted } from "./tally.ts";
import type { FileReport, IncidentSourceData } from "../model/records.ts";
import { addAt, at, InvariantError, present } from "../core/checked.ts";

/** What became of a row handed to the sink; the reader counts it. */
export type AddOutcome = "accepted" | "duplicate" | "duplicate_id";

/**
 * Per-id state in parallel growable arrays, indexed by the slot `ids` maps an id to. At 10 M ids each
 * byte here is 10 MB of fresh memory, which is slow to touch on a virtual machine (issue 7), so the
 * arrays start narrow — file numbers in 16 bits, counts in 32 — and are widened the first time a value
 * does not fit (more than 65 534 files, a count above 2³² − 1): exact either way.
 */
class IdSlots {
  size = 0;
  file: Uint16Array | Int32Array = new Uint16Array(1024); // the file whose row currently counts
  seenIn: Uint16Array | Int32Array = new Uint16Array(1024); // last file the id appeared in (counting, or as `duplicate`)
  group = new Int32Array(1024);
  count: Uint32Array | Float64Array = new Uint32Array(1024);
  instant = new Float64Array(1024);
  /** Where the id's text is: id `keyIndex` of file `keyFile - 1`'s texts, or of `loose` when keyFile is 0. */
  keyFile: Uint16Array | Int32Array = new Uint16Array(1024);
  keyIndex = new Int32Array(1024);

  push(slot: number, file: number, group: number, count: number, instant: number, keyFile: number, keyIndex: number): number {
    if (slot !== this.size) throw new Error("id slots out of step");
    if (this.size === this.file.length) this.grow(this.size * 2);
    this.fit(0, count);
    this.size++;
    this.keyFile[slot] = keyFile + 1;
    this.keyIndex[slot] = keyIndex;
    this.file[slot] = file;
    this.seenIn[slot] = file;
    this.group[slot] = group;
    this.count[slot] = count;
    this.instant[slot] = instant;
    return slot;
  }

  /** Widens the arrays that could not hold file number `file` or `count`. */
  fit(file: number, count: number): void {
    if (file > 0xffff && this.file instanceof Uint16Array) {
      this.file = Int32Array.from(this.file);
      this.seenIn = Int32Array.from(this.seenIn);
      this.keyFile = Int32Array.from(this.keyFile);
    }
    if ((count > 0xffffffff || !Number.isInteger(count)) && this.count instanceof Uint32Array) this.count = Float64Array.from(this.count);
  }

  /** Makes room for `more` slots at once (a merge knows its file's id count): no doubling slack at 10 M ids. */
  reserve(more: number): void {
    const need = this.size + more;
    if (need > this.file.length) this.grow(Math.max(need, this.file.length + (this.file.length >> 2)));
  }

  private grow(n: number): void {
    const grown = <T extends Uint16Array | Uint32Array | Int32Array | Float64Array>(a: T): T => resized(a, n, this.size);
    this.file = grown(this.file);
    this.seenIn = grown(this.seenIn);
    this.group = grown(this.group);
    this.count = grown(this.count);
    this.instant = grown(this.instant);
    this.keyFile = grown(this.keyFile);
    this.keyIndex = grown(this.keyIndex);
  }
}

export class IncidentAccumulator {
  private readonly ids = new IdTable();
  private readonly slots = new IdSlots();
  /** Per file: its ids (merged files), so a slot's id is found without a copy of it. */
  private readonly texts: Array<IdTexts | null> = [];
  /** Ids added row by row (`add`). */
  private readonly loose = new IdTextBuilder();
  /** The id being looked up: a string (`add`), or id `probeIndex` of `probeTexts` (`mergeFile`). */
  private probeString = "";
  private probeTexts: IdTexts | null = null;
  private probeIndex = 0;
  private readonly same = (slot: number): boolean => {
    const f = at(this.slots.keyFile, slot);
    const texts = f === 0 ? this.loose : present(this.texts[f - 1], "the ids of a merged file");
    const k = at(this.slots.keyIndex, slot);
    return this.probeTexts === null ? idEqualsString(texts, k, this.probeString) : idsEqual(texts, k, this.probeTexts, this.probeIndex);
  };

  /**
   * The groups (area, month, category) as indices into interned texts, in first-seen order, with Σ count
   * and the accepted rows currently in each (a row of count 0 still makes the group exist): no key
   * string per group (issue 20: 300 areas are ~200 000 groups).
   */
  private readonly groups = new GroupTable();
  /** Rows currently accepted per month (index into `groups.months`): a month whose only rows were superseded is not covered. */
  private acceptedByMonth = new Float64Array(16);
  private readonly files: FileReport[] = [];

  /** A hint that about `ids` distinct ids will come in all: the id table and slots are sized once. */
  expectIds(ids: number): void {
    const more = ids - this.slots.size;
    if (more <= 0) return;
    this.ids.reserve(more);
    this.slots.reserve(more);
  }

  /** Registers the next file (in sorted order); its report may be changed later by a revision. */
  beginFile(report: FileReport): void {
    this.files.push(report);
    this.texts.push(null);
    this.slots.fit(this.files.length, 0); // file numbers are stored up to files.length (keyFile is 1-based)
  }

  /** Adds one row that passed every other rule. `id` is the trimmed id cell, or "" when there is none. */
  add(id: string, area: string, month: string, category: string, instant: number, count: number, _placed?: 0 | 1 | 2): AddOutcome {
    const file = this.files.length - 1;
    const group = this.groups.index(area, month, category);
    if (id !== "") {
      this.probeString = id;
      this.probeTexts = null;
      const slot = this.ids.findOrAdd(hashRange(id, 0, id.length), this.same);
      if (slot < 0) {
        this.loose.push(id);
        this.slots.push(~slot, file, group, count, instant, -1, this.loose.size - 1);
      } else {
        // Within one file an id's second row is `duplicate_id`; against earlier files, the one rule below.
        if (this.slots.seenIn[slot] === file) return "duplicate_id";
        if (this.laterRow(slot, file, group, count, instant) === "duplicate") return "duplicate";
      }
    }
    addAt(this.groups.sum, group, count);
    addAt(this.groups.rows, group, 1);
    this.countMonth(at(this.groups.month, group), 1);
    return "accepted";
  }

  /**
   * Adds the next file (in sorted order) read on its own (file-aggregate.ts), with the same outcome as
   * `beginFile` plus `add` for each of its rows: its within-file rules are already applied, so only
   * each id's first row is judged against earlier files here (new / `duplicate` / revision).
   */
  mergeFile(agg: FileAggregate): void {
    this.beginFile(agg.report);
    const file = this.files.length - 1;
    const local = agg.groups.map(([area, month, category, sum, rows]) => {
      const index = this.groups.index(area, month, category);
      addAt(this.groups.sum, index, sum);
      addAt(this.groups.rows, index, rows);
      if (rows > 0) this.countMonth(at(this.groups.month, index), rows);
      return index;
    });
    const s = this.slots;
    // Only the id texts are kept; the per-id group/count/instant arrays are copied into the slots.
    const texts: IdTexts = { units: agg.idUnits, ends: agg.idEnds };
    this.texts[file] = texts;
    this.probeTexts = texts;
    const n = agg.idEnds.length;
    this.ids.reserve(n);
    s.reserve(n);
    // The hot loop of a cold run's main thread (1 M ids at issue 20's size): each per-file array is read
    // straight from a local of its own type, not through `at`, which, called with five kinds of array,
    // is not inlined (0.4 s of 1.4 s here in a profile). The arrays are the aggregate's own parallel
    // arrays of length n (file-aggregate.ts), so i < n is in range; `?? 0` only types the read. The
    // group index comes from the file's own groups: a wrong one fails `at(local, …)` loudly below.
    const idGroup = agg.idGroup;
    const idCount = agg.idCount;
    const idInstant = agg.idInstant;
    const idHash = agg.idHash;
    if (idGroup.length !== n || idCount.length !== n || idInstant.length !== n || idHash.length !== n) throw new InvariantError("a file aggregate's id arrays differ in length");
    for (let i = 0; i < n; i++) {
      const localGroup = idGroup[i] ?? 0;
      const group = local[localGroup] ?? at(local, localGroup);
      const count = idCount[i] ?? 0;
      const instant = idInstant[i] ?? 0;
      this.probeIndex = i;
      const slot = this.ids.findOrAdd(idHash[i] ?? 0, this.same);
      if (slot < 0) {
        s.push(~slot, file, group, count, instant, file, i);
        continue;
      }
      if (this.laterRow(slot, file, group, count, instant) === "duplicate") {
        // The row counted in the file's aggregate is taken back out.
        this.takeOut(group, count);
        reclassifyAccepted(agg.report, this.groups.monthText(group), "duplicate");
        unplace(agg.report, at(agg.idPlaced, i));
      }
    }
  }

  /**
   * The cross-file id rule (spec/inputs.md "Overlapping exports never double-count"), for a row of
   * `file` whose id an earlier file already brought (slot `slot`): an identical row (same group, time
   * and count) is a `duplicate` and changes nothing; any other is a revision that replaces the earlier
   * row, which becomes `superseded` in its own file's report. The one place both ways of reading a
   * source (row by row, `add`; file by file, `mergeFile`) apply it.
   */
  private laterRow(slot: number, file: number, group: number, count: number, instant: number): "duplicate" | "revision" {
    const s = this.slots;
    s.seenIn[slot] = file;
    if (s.group[slot] === group && s.instant[slot] === instant && s.count[slot] === count) return "duplicate";
    this.supersede(slot, file, group, count, instant);
    return "revision";
  }

  /** One accepted row of `count` leaves group `index` (a later file replaced or repeated it). */
  private takeOut(index: number, count: number): void {
    addAt(this.groups.sum, index, -count);
    addAt(this.groups.rows, index, -1);
    this.countMonth(at(this.groups.month, index), -1);
  }

  private countMonth(month: number, rows: number): void {
    if (month >= this.acceptedByMonth.length) {
      const grown = new Float64Array(Math.max(month + 1, this.acceptedByMonth.length * 2));
      grown.set(this.acceptedByMonth);
      this.acceptedByMonth = grown;
    }
    addAt(this.acceptedByMonth, month, rows);
  }

  /** A later file revises the row behind `slot`: the earlier row becomes `superseded` in its own file. */
  private supersede(slot: number, file: number, group: number, count: number, instant: number): void {
    const s = this.slots;
    s.fit(0, count);
    const oldGroup = at(s.group, slot);
    this.takeOut(oldGroup, at(s.count, slot));
    reclassifyAccepted(at(this.files, at(s.file, slot)), this.groups.monthText(oldGroup), "superseded");
    s.file[slot] = file;
    s.group[slot] = group;
    s.count[slot] = count;
    s.instant[slot] = instant;
  }

  /** The source's data; groups left without rows by revisions are dropped, never shown as 0. */
  result(sourceId: string): IncidentSourceData {
    const months = this.groups.months.filter((_, i) => (this.acceptedByMonth[i] ?? 0) > 0).sort();
    return { sourceId, files: this.files, firstMonth: months[0] ?? null, lastMonth: months.at(-1) ?? null, counts: this.groups.counts(), arealess: false };
  }
}

/** Interns a text: its index in `list`, added at the end when new. */
function intern(index: Map<string, number>, list: string[], text: string): number {
  let i = index.get(text);
  if (i === undefined) {
    i = list.push(text) - 1;
    index.set(text, i);
  }
  return i;
}

/** The accumulator's groups: interned texts, and per group its indices, Σ count and rows, in growable typed arrays. */
class GroupTable {
  readonly areas: string[] = [];
  readonly months: string[] = [];
  readonly categories: string[] = [];
  private readonly areaIndex = new Map<string, number>();
  private readonly monthIndex = new Map<string, number>();
  private readonly categoryIndex = new Map<string, number>();
  /**
   * Group of (area, month, category): per area index, a map keyed by month × 32768 + category. The
   * earlier single key (area × 2^16 + month) × 2^15 + category was above V8's small integers for every
   * area but the first, so each lookup hashed a heap number (0.56 s self at 312 areas, issue 20); this
   * key stays small for any real month and category count and is exact for all.
   */
  private readonly byArea: Array<Map<number, number> | undefined> = [];
  size = 0;
  area = new Int32Array(256);
  month = new Int32Array(256);
  category = new Int32Array(256);
  sum = new Float64Array(256);
  rows = new Int32Array(256);

  /** The group's index, added when new. */
  index(area: string, month: string, category: string): number {
    const a = intern(this.areaIndex, this.areas, area);
    const m = intern(this.monthIndex, this.months, month);
    const c = intern(this.categoryIndex, this.categories, category);
    let byKey = this.byArea[a];
    if (byKey === undefined) this.byArea[a] = byKey = new Map();
    // Categories are the config's (a few dozen); past 32768 the key would no longer be one-to-one.
    if (c >= 32768) throw new InvariantError("more than 32768 categories in one source");
    // Exact below 2^53 (2^37 months); a small integer while months × 32768 + categories < 2^30.
    const key = m * 32768 + c;
    let g = byKey.get(key);
    if (g === undefined) {
      g = this.size++;
      if (g === this.area.length) this.grow();
      this.area[g] = a;
      this.month[g] = m;
      this.category[g] = c;
      byKey.set(key, g);
    }
    return g;
  }

  monthText(group: number): string {
    return at(this.months, at(this.month, group));
  }

  private grow(): void {
    const n = this.area.length * 2;
    const grown = <T extends Int32Array | Float64Array>(a: T): T => resized(a, n);
    this.area = grown(this.area);
    this.month = grown(this.month);
    this.category = grown(this.category);
    this.sum = grown(this.sum);
    this.rows = grown(this.rows);
  }

  /** The groups that have accepted rows, in first-seen order. */
  counts(): GroupCounts {
    let n = 0;
    for (let g = 0; g < this.size; g++) if (at(this.rows, g) > 0) n++;
    const area = new Int32Array(n);
    const month = new Int32Array(n);
    const category = new Int32Array(n);
    const count = new Float64Array(n);
    let i = 0;
    for (let g = 0; g < this.size; g++) {
      if (at(this.rows, g) <= 0) continue;
      area[i] = at(this.area, g);
      month[i] = at(this.month, g);
      category[i] = at(this.category, g);
      count[i++] = at(this.sum, g);
    }
    return new GroupCounts([...this.areas], [...this.months], [...this.categories], area, month, category, count);
  }
}

/**
 * Takes back the coordinates note of a row that turned out to be a `duplicate` (read-incidents-csv notes
 * accepted rows only). `placed` as the file's `idPlaced` holds it: 0 not placed, 1 in an area, 2 outside.
 */
function unplace(report: FileReport, placed: number): void {
  const c = report.coordinates;
  if (placed === 0 || c === undefined) return;
  if (placed === 1) c.in_area--;
  else c.outside--;
  if (c.in_area === 0 && c.outside === 0) delete report.coordinates;
}
