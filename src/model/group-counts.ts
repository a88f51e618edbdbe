/**
 * A source's Σ count per (area, month, category) as an integer-indexed table (issue 20): the area,
 * month and category texts are stored once each, and every group is four numbers in typed arrays.
 * A kommun reporting by 300–600 statistical areas has ~200 000 groups per source; as string keys in a
 * Map they cost a second of key building and hashing, and as many objects for the garbage collector,
 * on every run. Aggregation (build-indicators.ts) reads the indices directly, and the merged-result
 * cache (source-result-cache.ts) stores the arrays as bytes.
 *
 * It is also a read-only Map from `${area}\t${month}\t${category}` (records.ts `groupKey`) to the count,
 * in the groups' first-seen order, for readers that want keys (tests, `validate`): those keys are
 * built only when asked for.
 */
import { groupKey, type GroupKey } from "./records.ts";
import { at } from "../core/checked.ts";

export class GroupCounts implements ReadonlyMap<GroupKey, number> {
  private byKey: Map<GroupKey, number> | null = null;

  /**
   * Group i is (areas[area[i]], months[month[i]], categories[category[i]]) with Σ count count[i];
   * the caller guarantees the indices are in range (source-result-cache.ts checks them on load).
   */
  constructor(
    readonly areas: readonly string[],
    readonly months: readonly string[],
    readonly categories: readonly string[],
    readonly area: Int32Array,
    readonly month: Int32Array,
    readonly category: Int32Array,
    readonly count: Float64Array,
  ) {
    if (month.length !== area.length || category.length !== area.length || count.length !== area.length) throw new Error("group arrays of different lengths");
  }

  /** `counts` as indexed groups: itself when it is one, else a plain map's keys split once (tests build those). */
  static from(counts: ReadonlyMap<GroupKey, number>): GroupCounts {
    if (counts instanceof GroupCounts) return counts;
    const n = counts.size;
    const column = () => ({ index: new Map<string, number>(), list: new Array<string>(), of: new Int32Array(n) });
    const [area, month, category] = [column(), column(), column()];
    const columns = [area, month, category]; // a key's parts in this order
    const count = new Float64Array(n);
    let g = 0;
    for (const [key, value] of counts) {
      const parts = key.split("\t");
      for (const [p, column] of columns.entries()) {
        const text = parts[p] ?? "";
        let i = column.index.get(text);
        if (i === undefined) column.index.set(text, (i = column.list.push(text) - 1));
        column.of[g] = i;
      }
      count[g++] = value;
    }
    return new GroupCounts(area.list, month.list, category.list, area.of, month.of, category.of, count);
  }

  get size(): number {
    return this.area.length;
  }

  keyAt(i: number): GroupKey {
    return groupKey(at(this.areas, at(this.area, i)), at(this.months, at(this.month, i)), at(this.categories, at(this.category, i)));
  }

  private map(): Map<GroupKey, number> {
    if (this.byKey === null) this.byKey = new Map(this.entries());
    return this.byKey;
  }

  get(key: GroupKey): number | undefined {
    return this.map().get(key);
  }

  has(key: GroupKey): boolean {
    return this.map().has(key);
  }

  *entries(): MapIterator<[GroupKey, number]> {
    for (const [i, n] of this.count.entries()) yield [this.keyAt(i), n];
  }

  *keys(): MapIterator<GroupKey> {
    for (let i = 0; i < this.area.length; i++) yield this.keyAt(i);
  }

  *values(): MapIterator<number> {
    yield* this.count;
  }

  [Symbol.iterator](): MapIterator<[GroupKey, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, key: GroupKey, map: ReadonlyMap<GroupKey, number>) => void, thisArg?: unknown): void {
    for (const [i, n] of this.count.entries()) callback.call(thisArg, n, this.keyAt(i), this);
  }
}
