/**
 * Field figures of one area for report month m (spec/indicators.md "Field figures"): hours, shifts,
 * observations with their rate per 10 hours in the field (this month and the same month last year)
 * and activities. The rate matters because how much is seen depends on how long people were out.
 * `kommun` sums every area, `okant` included. Suppression does not apply. Pure: no I/O.
 */
import { addMonths } from "../core/month.ts";
import type { FieldCell, FieldSourceData } from "../model/extra-records.ts";
import type { FieldFigures } from "../model/indicators.ts";
import { roundDecimal, roundRatio } from "./round.ts";

interface Sum {
  hours: number;
  shifts: number;
  observations: Map<string, number>;
  activities: Map<string, number>;
}

function sumCells(sources: readonly FieldSourceData[], area: string, month: string): Sum {
  const out: Sum = { hours: 0, shifts: 0, observations: new Map(), activities: new Map() };
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  const take = (c: FieldCell) => {
    out.hours += c.hours;
    out.shifts += c.shifts;
    for (const [t, n] of Object.entries(c.observations)) add(out.observations, t, n);
    for (const [a, n] of Object.entries(c.activities)) add(out.activities, a, n);
  };
  for (const s of sources) for (const c of s.cells) if (c.month === month && (area === "kommun" || c.area === area)) take(c);
  return out;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** count / hours · 10, one decimal; null without hours in the field. */
function per10h(count: number, hours: number): number | null {
  return hours > 0 ? roundRatio(count * 10, hours, 1) : null;
}

/**
 * `fieldFigures(sources, "centrum", "2024-03")`. Every observation type of the sources' headers is
 * listed (0 when none was seen), and every activity seen in the sources, sorted by id.
 */
export function fieldFigures(sources: readonly FieldSourceData[], area: string, month: string): FieldFigures {
  const now = sumCells(sources, area, month);
  const lastYear = sumCells(sources, area, addMonths(month, -12));
  const types = [...new Set(sources.flatMap((s) => s.observationTypes))].sort(byCode);
  const activities = [...new Set(sources.flatMap((s) => s.activityIds))].sort(byCode);
  return {
    hours: roundDecimal(now.hours, 2),
    shifts: now.shifts,
    observations: types.map((type) => {
      const count = now.observations.get(type) ?? 0;
      return {
        type,
        count,
        per_10h: per10h(count, now.hours),
        same_month_last_year_per_10h: per10h(lastYear.observations.get(type) ?? 0, lastYear.hours),
      };
    }),
    activities: activities.map((activity) => ({ activity, count: now.activities.get(activity) ?? 0 })),
  };
}

/** True when any field row fell under `okant` (then Okänt område gets field figures too). */
export function hasUnknownAreaRows(sources: readonly FieldSourceData[]): boolean {
  return sources.some((s) => s.cells.some((c) => c.area === "okant"));
}
