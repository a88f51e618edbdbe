/**
 * N(area, category, month) for one report, as a dense table of numbers (issue 20): area × category ×
 * month, the months being only those any source has a group in. Each category's counts also go to the
 * total of its own measure, and every area's to `kommun` (spec/indicators.md; spec/cli.md "Measures":
 * police-reported crimes and a kommun's log are never added together). Built once per month from the
 * sources' integer-indexed groups (model/group-counts.ts), so a cell's figures read array slots, not
 * string keys: with 300 areas the old `${area}\t${month}\t${category}` map cost a second a month.
 */
import { isYearMonth, monthIndex } from "../core/month.ts";
import { GroupCounts } from "../model/group-counts.ts";
import type { GroupKey } from "../model/records.ts";

export const KOMMUN = "kommun";

export class CountTable {
  private readonly areaIndex: ReadonlyMap<string, number>;
  private readonly categoryIndex: ReadonlyMap<string, number>;

  /**
   * @param slots month index − `firstMonth` → the month's slot in `values`, or −1 (no group: N = 0)
   */
  private constructor(
    areas: readonly string[],
    categories: readonly string[],
    private readonly firstMonth: number,
    private readonly slots: Int32Array,
    private readonly monthCount: number,
    private readonly values: Float64Array,
  ) {
    this.areaIndex = new Map(areas.map((a, i) => [a, i]));
    this.categoryIndex = new Map(categories.map((c, i) => [c, i]));
  }

  /**
   * The table of `areas` (the report's rows, `kommun` among them) × `categories` (its categories and
   * totals). A group of an area not among `areas` still counts for `kommun`; a category without a
   * total in `totalOf` (a label ingest could not map) is left out, as it is of the report.
   *
   * @param totalOf category id → the id of its measure's total
   */
  static build(
    sources: ReadonlyArray<ReadonlyMap<GroupKey, number>>,
    areas: readonly string[],
    categories: readonly string[],
    totalOf: ReadonlyMap<string, string>,
  ): CountTable {
    const tables = sources.map((counts) => GroupCounts.from(counts));
    // The months that occur, each parsed once; a stray old date adds one month, not a century of them.
    // A text that is no `YYYY-MM` (never from a reader) is a month no report asks for: NaN, skipped.
    const monthsOf = tables.map((t) => t.months.map((m) => (isYearMonth(m) ? monthIndex(m) : NaN)));
    let lo = Infinity;
    let hi = -Infinity;
    for (const ms of monthsOf) for (const m of ms) if (m === m) (lo = Math.min(lo, m)), (hi = Math.max(hi, m));
    const width = hi >= lo ? hi - lo + 1 : 0;
    const used = new Uint8Array(width);
    for (const ms of monthsOf) for (const m of ms) if (m === m) used[m - lo] = 1;
    const slots = new Int32Array(width).fill(-1);
    let monthCount = 0;
    for (let i = 0; i < width; i++) if (used[i] === 1) slots[i] = monthCount++;

    const areaIndex = new Map(areas.map((a, i) => [a, i]));
    const categoryIndex = new Map(categories.map((c, i) => [c, i]));
    const kommun = areaIndex.get(KOMMUN) ?? -1;
    const C = categories.length;
    const values = new Float64Array(areas.length * C * monthCount);
    const add = (a: number, c: number, slot: number, n: number) => {
      if (a >= 0 && c >= 0) values[(a * C + c) * monthCount + slot]! += n;
    };
    for (const [s, t] of tables.entries()) {
      // The source's own indices → the table's, once per distinct text.
      const area = t.areas.map((a) => areaIndex.get(a) ?? -1);
      const category = t.categories.map((c) => (totalOf.has(c) ? (categoryIndex.get(c) ?? -1) : -2));
      const total = t.categories.map((c) => categoryIndex.get(totalOf.get(c) ?? "") ?? -1);
      const slot = monthsOf[s]!.map((m) => (m === m ? slots[m - lo]! : -1));
      for (let g = 0; g < t.size; g++) {
        const c = category[t.category[g]!]!;
        const m = slot[t.month[g]!]!;
        if (c === -2 || m < 0) continue;
        const a = area[t.area[g]!]!;
        const k = total[t.category[g]!]!;
        const n = t.count[g]!;
        add(a, c, m, n);
        add(a, k, m, n);
        // kommun counts every accepted row whatever its area (spec/indicators.md).
        add(kommun, c, m, n);
        add(kommun, k, m, n);
      }
    }
    return new CountTable(areas, categories, lo, slots, monthCount, values);
  }

  /** Row and column of (area, category), or −1 when either is not in the table (N is then 0). */
  cell(area: string, category: string): number {
    const a = this.areaIndex.get(area);
    const c = this.categoryIndex.get(category);
    return a === undefined || c === undefined ? -1 : (a * this.categoryIndex.size + c) * this.monthCount;
  }

  /** Σ count of cell `cell` (from `cell()`) in month index m; 0 where nothing was counted. */
  value(cell: number, m: number): number {
    if (cell < 0) return 0;
    const i = m - this.firstMonth;
    const slot = i >= 0 && i < this.slots.length ? this.slots[i]! : -1;
    return slot < 0 ? 0 : this.values[cell + slot]!;
  }
}
