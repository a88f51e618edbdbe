/**
 * Every figure of spec/indicators.md "Incident figures" for one (area, category), from a function giving
 * N(t) for any month t, or null when t is unavailable. Anything computed from an unavailable value is
 * null ("no data is not zero"); sums use exact integers and only the written figures are rounded.
 */
import { pickPopulation } from "./population-by-year.ts";
import { addMonths } from "../core/month.ts";
import type { IncidentEntry } from "./indicators-schema.ts";
import { roundRatio } from "./round.ts";
import { normalBand, seasonalTest, type CountOf, type SeasonalTest } from "./seasonal-trend.ts";

export type { CountOf } from "./seasonal-trend.ts";

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

/** Σ N over the months, null if any of them is unavailable. */
function sum(N: CountOf, months: ReadonlyArray<string>): number | null {
  let s = 0;
  for (const t of months) {
    const v = N(t);
    if (v === null) return null;
    s += v;
  }
  return s;
}

/** `count` months ending with `last`, oldest first. */
function monthsEnding(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
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
function seriesWithBand(N: CountOf, month: string): IncidentFigures["series"] {
  return monthsEnding(month, SERIES_MONTHS).map((t) => {
    const band = normalBand(t, N);
    return { month: t, count: N(t), normal_low: band?.low ?? null, normal_high: band?.high ?? null };
  });
}

/**
 * @param N N(t) for this area and category
 * @param month the report month m
 * @param population the area's population for m's year (null: per_100k figures are null)
 */
export function incidentFigures(N: CountOf, month: string, population: number | null): IncidentFigures {
  const count = N(month);
  const previous_month = N(addMonths(month, -1));
  const same_month_last_year = N(addMonths(month, -12));

  // January..m of m's year, and the same months one year earlier.
  const monthOfYear = Number(month.slice(5, 7));
  const ytdCount = sum(N, monthsEnding(month, monthOfYear));
  const ytdLastYear = sum(N, monthsEnding(addMonths(month, -12), monthOfYear));

  const rollingCount = sum(N, monthsEnding(month, 12));
  const rollingPrevious = sum(N, monthsEnding(addMonths(month, -12), 12));

  // With N(m) itself unavailable there is nothing to test: the trend is absent ("uppgift saknas"),
  // which is more honest than calling it "för kort historik".
  const test = count === null ? null : seasonalTest(count, month, N);

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
    series: seriesWithBand(N, month),
  };
}
