/**
 * What changed between two published (suppressed) versions of the same month's indicators: the source
 * of a revision note ("Reviderad <datum>: <vad som ändrats>", spec/outputs.md). Both inputs are the
 * published copies, so a hidden count can never appear in a note: a cell hidden in both versions
 * compares equal, and a cell hidden in one of them is reported as hidden.
 *
 * Counts are compared through each entry's 24-month series, which holds every monthly count the report
 * shows (month, previous month, same month last year) and from which year-to-date, rolling 12 months
 * and the trend are derived, so one changed source row is reported once per area and category, in the
 * month it happened. A total's lines are left out when a category line of the same area, month and
 * measure explains them.
 */
import { isTotalId } from "../core/measure.ts";
import type { Indicators } from "../model/indicators.ts";
import type { IndicatorChange, PublishedCount } from "../model/revisions.ts";

const sameCount = (a: PublishedCount, b: PublishedCount) => a.count === b.count && a.hidden === b.hidden;

/** Everything except the figures that the count and population changes already describe. */
function structure(ind: Indicators): string {
  const { generated_at: _g, revision: _r, sources: _s, areas, ...rest } = ind;
  return JSON.stringify({
    ...rest,
    areas: areas.map(({ population: _p, incidents, ...a }) => ({
      ...a,
      incidents: incidents.map((e) => ({ category: e.category, name: e.name, group: e.group })),
    })),
  });
}

/**
 * The changes from `before` to `after`, in report order (areas, then categories, then months).
 * @example
 * // Skadegörelse in Centrum went from 19 to 20 in March 2024:
 * indicatorChanges(before, after)
 * // → [{ kind: "count", area: { id: "centrum", … }, category: { id: "skadegorelse", … },
 * //      month: "2024-03", from: { count: 19, hidden: false }, to: { count: 20, hidden: false } }, …]
 */
export function indicatorChanges(before: Indicators, after: Indicators): IndicatorChange[] {
  const out: IndicatorChange[] = [];
  for (const area of after.areas) {
    const old = before.areas.find((a) => a.id === area.id);
    if (!old) continue;
    const ref = { id: area.id, name: area.name };
    if (old.population !== area.population) out.push({ kind: "population", area: ref, from: old.population, to: area.population });
    const lines: Array<Extract<IndicatorChange, { kind: "count" }>> = [];
    for (const entry of area.incidents) {
      const oldEntry = old.incidents.find((e) => e.category === entry.category);
      if (!oldEntry) continue;
      const oldPoints = new Map(oldEntry.series.map((p) => [p.month, { count: p.count, hidden: p.suppressed ?? false }]));
      for (const p of entry.series) {
        const from = oldPoints.get(p.month);
        const to = { count: p.count, hidden: p.suppressed ?? false };
        if (from && !sameCount(from, to)) {
          lines.push({ kind: "count", area: ref, category: { id: entry.category, name: entry.name, measure: entry.measure }, month: p.month, from, to });
        }
      }
    }
    // A total is explained by a changed category of its own measure only (a total never sums measures).
    const explained = new Set(lines.filter((l) => !isTotalId(l.category.id)).map((l) => `${l.category.measure}\t${l.month}`));
    out.push(...lines.filter((l) => !isTotalId(l.category.id) || !explained.has(`${l.category.measure}\t${l.month}`)));
  }
  if (structure(before) !== structure(after)) out.push({ kind: "other" });
  return out;
}
