/**
 * Every figure of spec/indicators.md "Incident figures" for one (area, category), from a function giving
 * N(t) for any month t, or null when t is unavailable. Anything computed from an unavailable value is
 * null ("no data is not zero"); sums use exact integers and only the written figures are rounded.
 */
import { pickPopulation } from "./population-by-year.ts";
import { monthFromIndex, monthIndex } from "../core/month.ts";
import type { IncidentEntry } from "../model/indicators.ts";
import { roundRatio } from "./round.ts";
import { normalBandAt, seasonalTestAt, type CountAt, type CountOf, type SeasonalTest } from "./seasonal-trend.ts";

export type { CountAt, CountOf } from "./seasonal-trend.ts";

/** The figures of one cell; `trend` is filled in once the month's tests are adjusted (build-indicators). */
export type IncidentFigures = Pick<IncidentEntry, "month" | "ytd" | "rolling_12m" | "series"> & {
  /** The cell's trend test before adjustment; null when N(m) is unavailable (nothing to test). */
  test: SeasonalTest | null;
};

const SERIES_MONTHS = 24;

/**
 * The population for a year (spec/cli.md): a single number, or a per-year map where the report
 * month's year is used, else the nearest earlier year, else the nearest later one; null when there
 * is none. population-by-year.ts has the rule and says which year was used.
 */
export function populationForYear(population: number | Readonly<Record<string, number>> | undefined, year: number): number | null {
  return pickPopulation(population, year)?.value ?? null;
}

/** Σ N over the `count` months ending with month index `last`, null if any of them is unavailable. */
function sumEnding(N: CountAt, last: number, count: number): number | null {
  let s = 0;
  for (let i = last - count + 1; i <= last; i++) {
    const v = N(i);
    if (v === null) return null;
    s += v;
  }
  return s;
}

function changeAbs(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}

/** 100·(now − before)/before, one decimal; null when before is 0 (spec: no percentage of nothing). */
export function changePct(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return roundRatio(100 * (now - before), before, 1);
}

/** count / population · 100 000, one decimal; null without a population. */
export function per100k(count: number | null, population: number | null): number | null {
  if (count === null || population === null) return null;
  return roundRatio(count * 100_000, population, 1);
}

/**
 * The series points with the band of counts "within normal variation" for each month's season. The band
 * rests on baseline months up to 37 months back; suppression hides it where one of them is hidden.
 */
function seriesWithBand(N: CountAt, m: number): IncidentFigures["series"] {
  const out: IncidentFigures["series"] = [];
  for (let i = m - SERIES_MONTHS + 1; i <= m; i++) {
    const band = normalBandAt(i, N);
    out.push({ month: monthText(i), count: N(i), normal_low: band?.low ?? null, normal_high: band?.high ?? null });
  }
  return out;
}

/** `YYYY-MM` of a month index, built once per month: every cell's series names the same 24 months. */
const monthTexts = new Map<number, string>();
function monthText(i: number): string {
  let text = monthTexts.get(i);
  if (text === undefined) monthTexts.set(i, (text = monthFromIndex(i)));
  return text;
}

/**
 * @param N N(t) for this area and category
 * @param month the report month m
 * @param population the area's population for m's year (null: per_100k figures are null)
 */
export function incidentFigures(N: CountOf, month: string, population: number | null): IncidentFigures {
  return incidentFiguresAt((i) => N(monthText(i)), monthIndex(month), population);
}

/** `incidentFigures` with N and m on month indices (core/month.ts): what build-indicators calls per cell. */
export function incidentFiguresAt(N: CountAt, m: number, population: number | null): IncidentFigures {
  const count = N(m);
  const previous_month = N(m - 1);
  const same_month_last_year = N(m - 12);

  // January..m of m's year, and the same months one year earlier.
  const monthOfYear = m - Math.floor(m / 12) * 12 + 1;
  const ytdCount = sumEnding(N, m, monthOfYear);
  const ytdLastYear = sumEnding(N, m - 12, monthOfYear);

  const rollingCount = sumEnding(N, m, 12);
  const rollingPrevious = sumEnding(N, m - 12, 12);

  // With N(m) itself unavailable there is nothing to test: the trend is absent ("uppgift saknas"),
  // which is more honest than calling it "för kort historik".
  const test = count === null ? null : seasonalTestAt(count, m, N);

  return {
    month: {
      count,
      previous_month,
      same_month_last_year,
      change_abs: changeAbs(count, same_month_last_year),
      change_pct: changePct(count, same_month_last_year),
      per_100k: per100k(count, population),
    },
    ytd: {
      count: ytdCount,
      last_year: ytdLastYear,
      change_abs: changeAbs(ytdCount, ytdLastYear),
      change_pct: changePct(ytdCount, ytdLastYear),
    },
    rolling_12m: {
      count: rollingCount,
      previous: rollingPrevious,
      change_abs: changeAbs(rollingCount, rollingPrevious),
      change_pct: changePct(rollingCount, rollingPrevious),
      per_100k: per100k(rollingCount, population),
    },
    test,
    series: seriesWithBand(N, m),
  };
}
