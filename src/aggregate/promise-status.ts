/**
 * Follow-up of the config's promises (medborgarlöften, åtgärdsplan activities) for report month m,
 * exactly as spec/indicators.md "Promises": episodes counted from the field reports' activity days in
 * the promise's period up to the end of m, the share of the target expected by now, and the status.
 * Pure: no I/O.
 */
import type { Config } from "../config/load-config.ts";
import { monthIndex } from "../core/month.ts";
import type { ActivityDay } from "../model/extra-records.ts";
import type { PromiseFigure } from "../model/indicators.ts";
import { roundRatio } from "./round.ts";

type PromiseConfig = Config["promises"][number];

/** Dates more than this many days apart start a new episode (one day without activity may fall inside). */
export const MAX_GAP_DAYS = 2;

const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/**
 * Episodes in one area's sorted distinct dates: without `minDays` every date is one; with it, dates are
 * cut where consecutive dates are more than 2 days apart and an episode counts with ≥ minDays dates.
 */
export function countEpisodes(dates: readonly string[], minDays: number | undefined): number {
  const sorted = [...new Set(dates)].sort();
  if (minDays === undefined) return sorted.length;
  let episodes = 0;
  let run = 0;
  let prev: number | null = null;
  for (const d of sorted) {
    const day = dayNumber(d);
    if (prev !== null && day - prev > MAX_GAP_DAYS) {
      if (run >= minDays) episodes++;
      run = 0;
    }
    run++;
    prev = day;
  }
  if (run >= minDays) episodes++;
  return episodes;
}

export function promiseFigure(promise: PromiseConfig, days: readonly ActivityDay[], month: string): PromiseFigure {
  const from = monthIndex(promise.period.from);
  const to = monthIndex(promise.period.to);
  const m = monthIndex(month);
  const base = { id: promise.id, text: promise.text, period: { from: promise.period.from, to: promise.period.to }, target: promise.target };
  if (m < from) return { ...base, done: 0, expected_by_now: 0, status: "ej_startat" };
  const last = Math.min(m, to);
  const byArea = new Map<string, string[]>();
  for (const d of days) {
    if (d.activity !== promise.activity) continue;
    const dm = monthIndex(d.date.slice(0, 7));
    if (dm < from || dm > last) continue;
    const list = byArea.get(d.area) ?? [];
    list.push(d.date);
    byArea.set(d.area, list);
  }
  let done = 0;
  for (const dates of byArea.values()) done += countEpisodes(dates, promise.min_days);
  const months = to - from + 1;
  const elapsed = last - from + 1;
  const expectedExact = (promise.target * elapsed) / months;
  const expected_by_now = roundRatio(promise.target * elapsed, months, 2);
  let status: PromiseFigure["status"];
  if (done >= promise.target) status = "uppfyllt";
  else if (m < to) status = done >= Math.floor(expectedExact) ? "i_fas" : "efter_plan";
  else status = "ej_uppfyllt";
  return { ...base, done, expected_by_now, status };
}

export function promiseFigures(config: Config, days: readonly ActivityDay[], month: string): PromiseFigure[] {
  return config.promises.map((p) => promiseFigure(p, days, month));
}
