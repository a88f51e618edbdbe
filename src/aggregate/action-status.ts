/**
 * The åtgärdsplan as of report month m (spec/indicators.md "Actions"): per action id the row with the
 * latest date on or before the month's end, ties going to the last row in file order; actions with no
 * row yet are absent. Actions are listed in the order they first appear in the log (the plan's own
 * order, as a ten-point plan numbers them). Pure: no I/O.
 */
import { monthIndex } from "../core/month.ts";
import type { ActionRecord } from "../model/extra-records.ts";
import type { ActionFigure } from "../model/indicators.ts";

export function actionFigures(records: readonly ActionRecord[], month: string): ActionFigure[] {
  const m = monthIndex(month);
  const firstSeen = new Map<string, number>();
  const latest = new Map<string, ActionRecord>();
  records.forEach((r, i) => {
    if (!firstSeen.has(r.id)) firstSeen.set(r.id, i);
    if (monthIndex(r.date.slice(0, 7)) > m) return;
    const cur = latest.get(r.id);
    // ≥ with records in file order: a later row of the same date wins.
    if (cur === undefined || r.date >= cur.date) latest.set(r.id, r);
  });
  return [...latest.values()]
    .sort((a, b) => firstSeen.get(a.id)! - firstSeen.get(b.id)!)
    .map((r) => ({ id: r.id, action: r.action, responsible: r.responsible, status: r.status, since: r.date, comment: r.comment }));
}
