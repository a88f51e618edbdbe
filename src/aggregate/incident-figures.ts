/**
 * Every figure of spec/indicators.md "Incident figures" for one (area, category), from a function giving
 * N(t) for any month t, or null when t is unavailable. Anything computed from an unavailable value is
 * null ("no data is not zero"); sums use exact integers and only the written figures are rounded.
 */
import { addMonths } from "../core/month.ts";
import { binomialTrend } from "./binomial-trend.ts";
import type { IncidentEntry } from "./indicators-schema.ts";
import { roundRatio } from "./round.ts";

export type IncidentFigures = Pick<IncidentEntry, "month" | "ytd" | "rolling_12m" | "trend" | "series">;

/** N(t), or null when month t is not available for this cell. */
export type CountOf = (month: string) => number | null;

const SERIES_MONTHS = 24;

/**
 * The kommun's population for a year (spec/cli.md): a single number, or a per-year map where the
 * report month's year is used, else the latest earlier year; null when there is none.
 */
export function populationForYear(population: number | Readonly<Record<string, number>> | undefined, year: number): number | null {
  if (population === undefined) return null;
  if (typeof population === "number") return population;
  let best: number | null = null;
  let value: number | null = null;
  for (const [key, v] of Object.entries(population)) {
    const y = Number(key);
    if (y <= year && (best === null || y > best)) {
      best = y;
      value = v;
    }
  }
  return value;
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

  const history = monthsEnding(addMonths(month, -1), 12).map((t) => N(t));
  // With N(m) itself unavailable there is nothing to test: the trend is absent ("uppgift saknas"),
  // which is more honest than calling it "för kort historik".
  const trend = count === null ? null : binomialTrend(count, history);

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
    trend,
    series: monthsEnding(month, SERIES_MONTHS).map((t) => ({ month: t, count: N(t) })),
  };
}
