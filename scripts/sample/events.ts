/**
 * Draws one month of one source: first how many rows of each label fall in each area (Poisson), then
 * each row's time, area cell and place. The two steps are separate so the latest month can be redrawn
 * and checked (story.ts) before any row text exists.
 */
import { AREA_KEYS, HOURS, WEEKDAYS, expectedRows, type AreaOrOkant, type LabelModel, type SourceModel } from "./model.ts";
import { kommunAreaText, placeText, policeAreaText } from "./places.ts";
import { intBelow, pickWeighted, poisson, type Rng } from "./prng.ts";

/** One row before it has a time or text: what the pipeline will count. */
export interface DrawnRow {
  label: LabelModel;
  area: AreaOrOkant;
  /** The `count` column (kommun log); police rows are always 1. */
  count: number;
}

export interface SampleEvent extends DrawnRow {
  /** Local wall-clock time in Europe/Stockholm, `YYYY-MM-DD HH:mm`. */
  local: string;
  areaText: string;
  place: string;
}

/** Draws the rows of `source` in `month`; `scale` multiplies every rate (benchmark data). */
export function drawMonth(source: SourceModel, month: string, rng: Rng, scale = 1): DrawnRow[] {
  const rows: DrawnRow[] = [];
  for (const label of source.labels) {
    for (const area of AREA_KEYS) {
      const n = poisson(rng, expectedRows(source, label, area, month) * scale);
      for (let i = 0; i < n; i++) rows.push({ label, area, count: drawCount(rng, label) });
    }
  }
  return rows;
}

function drawCount(rng: Rng, label: LabelModel): number {
  return label.counts ? pickWeighted(rng, label.counts) + 1 : 1;
}

/** Σ count per `${area}\t${category}` (ignored labels left out), as the pipeline will count it. */
export function cellCounts(rows: ReadonlyArray<DrawnRow>): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) {
    if (row.label.category === null) continue;
    const key = `${row.area}\t${row.label.category}`;
    out.set(key, (out.get(key) ?? 0) + row.count);
  }
  return out;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last Sunday of a month: the day Sweden changes between CET and CEST (March and October). */
export function lastSunday(year: number, month: number): number {
  const last = daysInMonth(year, month);
  return last - new Date(Date.UTC(year, month - 1, last)).getUTCDay();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Relative weight of each day of the month for a weekday profile (index 0 = the 1st). */
function dayWeights(profile: ReadonlyArray<number>, year: number, month: number): number[] {
  const weights: number[] = [];
  for (let d = 1; d <= daysInMonth(year, month); d++) weights.push(profile[new Date(Date.UTC(year, month - 1, d)).getUTCDay()] ?? 1);
  return weights;
}

function drawLocalTime(rng: Rng, label: LabelModel, year: number, month: number, days: ReadonlyMap<string, number[]>): string {
  const day = pickWeighted(rng, days.get(label.weekdays ?? "flat") ?? []) + 1;
  let hour = pickWeighted(rng, HOURS[label.hours]);
  // 02:00–02:59 does not exist (March) or happens twice (October) on a DST day: keep the sample unambiguous.
  if (hour === 2 && (month === 3 || month === 10) && day === lastSunday(year, month)) hour = 3;
  const minute = intBelow(rng, 60);
  return `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`;
}

/** Gives each drawn row a time, an area cell and a place; returns them sorted by time. */
export function materialise(rows: ReadonlyArray<DrawnRow>, source: SourceModel, month: string, rng: Rng): SampleEvent[] {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const areaText = source.id === "polis" ? policeAreaText : kommunAreaText;
  const days = new Map(Object.entries(WEEKDAYS).map(([name, profile]) => [name, dayWeights(profile, year, m)]));
  const events = rows.map((row) => ({
    ...row,
    local: drawLocalTime(rng, row.label, year, m, days),
    areaText: areaText(rng, row.area),
    place: placeText(rng, row.area),
  }));
  // Stable sort: rows with the same minute keep their (deterministic) draw order.
  return events.sort((a, b) => (a.local < b.local ? -1 : a.local > b.local ? 1 : 0));
}
