/**
 * What each chart shows, worked out from the suppressed indicators without drawing anything: its lines,
 * the alt text with the chart's message, the caption and the same numbers as a table (spec/outputs.md:
 * every chart has its numbers in a real table beside it). `charts.ts` only draws these specs.
 *
 * The 24 months of a series are drawn as two lines over the same twelve calendar months: the latest
 * twelve months solid, the twelve before them dashed ("samma månad året innan"). A reader compares a
 * month with the same month last year by looking straight up or down, and no month is drawn twice
 * (a 24-month axis with last year overlaid on its right half repeats the left half and reads as clutter).
 */
import type { AreaEntry, IncidentEntry, Indicators } from "../model/indicators.ts";
import type { Config } from "../config/load-config.ts";
import { areaPhrase } from "./area-phrase.ts";
import { categoryStyle, type PointStyle } from "./chart-palette.ts";
import { addMonths } from "../core/month.ts";
import { capitalise, formatMonth, formatMonthRange, formatMonthShort, formatNumber } from "./format-sv.ts";
import { inMeasureOrder, isTotalId } from "../core/measure.ts";
import { T, VERDICT, measureList } from "./wording.ts";
import { type Hidden, hiddenText } from "./_cells.ts";
import { figureHiddenKind, MONTH_COUNT } from "./_figure-value.ts";

export interface ChartLine {
  label: string;
  colour: string;
  pointStyle: PointStyle;
  /** Dashed: the same category one year earlier, drawn over the same calendar months. */
  dashed: boolean;
  /** One value per month of the chart; null (unavailable or hidden) is drawn as a gap. */
  values: Array<number | null>;
}

/**
 * The band of counts "inom normal variation" for each month's season (spec/indicators.md, Trend test),
 * drawn under a solid line so a reader sees why a month is flagged; null where there is no baseline or
 * the band is hidden.
 */
export interface ChartBand {
  colour: string;
  low: Array<number | null>;
  high: Array<number | null>;
}

export interface ChartTable {
  caption: string;
  /** Column headings after the month column. */
  columns: string[];
  rows: Array<{ month: string; cells: string[] }>;
  /** Heading of the first column when the rows are not months (survey years). */
  rowHeading?: string;
}

export type ChartPlacement =
  | { section: "kommun"; group: string; measure?: string }
  | { section: "area"; area: string }
  | { section: "survey"; indicator: string };

export interface ChartSpec {
  /** File stem: the PNG is `charts/<name>.png`. */
  name: string;
  placement: ChartPlacement;
  title: string;
  /** The x axis: the latest twelve months (fewer when the series is shorter). */
  months: string[];
  lines: ChartLine[];
  bands: ChartBand[];
  alt: string;
  caption: string;
  table: ChartTable;
}

/** How a series point reads in the table and the alt text. */
function pointText(count: number | null, suppressed: Hidden, minCount: number): string {
  if (count !== null) return formatNumber(count);
  return hiddenText(suppressed, minCount) ?? T.notAvailable;
}

/**
 * Why a series point is hidden. The report month's point is the entry's `month.count`, read as the
 * page's table, indicators.csv and serie.csv read it (figureHiddenKind: a file published before the
 * per-figure flags says it only by the entry's `suppressed`); an earlier month by its own flag.
 */
function pointHidden(e: IncidentEntry, reportMonth: string, p: { month: string; suppressed?: unknown }): Hidden {
  return p.month === reportMonth ? figureHiddenKind(e, MONTH_COUNT) : p.suppressed;
}

/**
 * The chart's main message: for each line the latest month against the same month last year with its
 * trend verdict, and the latest twelve months against the twelve before. Hidden values are named as
 * hidden ("färre än 3"), never given.
 */
function altText(what: string, title: string, ranges: { now: string; before: string }, month: string, entries: IncidentEntry[], minCount: number): string {
  const parts = [T.chart.altIntro(what, title, ranges.now, ranges.before)];
  for (const e of entries) {
    const last = e.series.at(-1);
    // No series at all: the month's count alone says whether it is hidden.
    const value = pointText(last?.count ?? null, last ? pointHidden(e, month, last) : figureHiddenKind(e, MONTH_COUNT), minCount);
    const yearAgo = e.series.at(-13);
    const before = yearAgo ? pointText(yearAgo.count, yearAgo.suppressed, minCount) : T.notAvailable;
    const verdict = e.trend?.verdict ? VERDICT[e.trend.verdict].words : null;
    parts.push(T.chart.altLatest(e.name, formatMonth(month), value, formatMonth(addMonths(month, -12)), before, verdict));
    const r = e.rolling_12m;
    parts.push(
      T.chart.altRolling(
        pointText(r.count, r.count_suppressed, minCount),
        pointText(r.previous, r.previous_suppressed, minCount),
      ),
    );
  }
  return parts.join(" ");
}

/** Index of the first of the latest twelve months in a series of `n` months. */
function splitAt(n: number): number {
  return Math.max(0, n - 12);
}

function linesFor(config: Config, e: IncidentEntry): ChartLine[] {
  const style = categoryStyle(config, e.category);
  const values = e.series.map((p) => p.count);
  const split = splitAt(values.length);
  const latest = values.slice(split);
  // Under each of the latest twelve months, the same month one year earlier (null where none).
  const lastYear = latest.map((_, i) => (split + i - 12 >= 0 ? (values[split + i - 12] ?? null) : null));
  return [
    { label: e.name, ...style, dashed: false, values: latest },
    { label: `${e.name}, ${T.chart.lastYearSuffix}`, ...style, dashed: true, values: lastYear },
  ];
}

function bandFor(config: Config, e: IncidentEntry): ChartBand {
  const latest = e.series.slice(splitAt(e.series.length));
  return {
    colour: categoryStyle(config, e.category).colour,
    low: latest.map((p) => p.normal_low ?? null),
    high: latest.map((p) => p.normal_high ?? null),
  };
}

/** "3–9", or why there is no band. */
function bandText(e: IncidentEntry, i: number): string {
  const p = i < 0 ? undefined : e.series[i];
  if (p?.normal_low == null || p.normal_high == null) return p?.normal_suppressed ? T.hiddenDerived : T.notAvailable;
  return `${formatNumber(p.normal_low)}–${formatNumber(p.normal_high)}`;
}

function spec(
  ind: Indicators,
  config: Config,
  name: string,
  placement: ChartPlacement,
  title: string,
  entries: IncidentEntry[],
): ChartSpec {
  const minCount = config.suppression.min_count;
  const all = entries[0]?.series.map((p) => p.month) ?? [];
  const split = splitAt(all.length);
  const months = all.slice(split);
  const range = (from: string | undefined, to: string | undefined) => (from && to ? formatMonthRange(from, to) : T.notAvailable);
  const ranges = {
    now: range(months[0], months.at(-1)),
    before: range(months[0] ? addMonths(months[0], -12) : undefined, months.at(-1) ? addMonths(months.at(-1) ?? "", -12) : undefined),
  };
  // What the lines count, named in the caption and the alt text; lines of several measures are said to
  // be separate (spec/cli.md "Measures": never added).
  const measures = inMeasureOrder(entries.map((e) => e.measure));
  const what = measures.length > 1 ? `${measureList(measures)} (${T.chart.separateLines})` : measureList(measures);
  const cell = (e: IncidentEntry, i: number) => {
    const p = i < 0 ? undefined : e.series[i];
    return p ? pointText(p.count, pointHidden(e, ind.month, p), minCount) : T.notAvailable;
  };
  return {
    name,
    placement,
    title,
    months,
    lines: entries.flatMap((e) => linesFor(config, e)),
    bands: entries.map((e) => bandFor(config, e)),
    alt: altText(what, title, ranges, ind.month, entries, minCount),
    caption: T.chart.caption(title, what, ranges.now, ranges.before),
    table: {
      caption: T.chart.tableCaption(title, ranges.now),
      // Per category: the month, then the same month a year earlier (the chart's solid and dashed lines).
      // Per category: the month, its band of normal variation, then the same month a year earlier (the
      // chart's solid line, shaded band and dashed line).
      columns: entries.flatMap((e) => [e.name, `${e.name}, ${T.chart.bandColumn}`, `${e.name}, ${T.chart.lastYearSuffix}`]),
      rows: months.map((month, j) => ({
        month: formatMonth(month),
        cells: entries.flatMap((e) => [cell(e, split + j), bandText(e, split + j), cell(e, split + j - 12)]),
      })),
    },
  };
}

/**
 * The x axis: the short month name on every tick, with the year under it on the first month and on
 * each January, so all twelve fit unrotated and the year is never in doubt ("nov / 2025", "dec", "jan / 2026").
 */
export function axisLabels(months: string[]): Array<string | string[]> {
  return months.map((m, i) => {
    const [name = "", year = ""] = formatMonthShort(m).split(" "); // "jan 2026"
    return i === 0 || m.endsWith("-01") ? [name, year] : name;
  });
}

/**
 * Every chart of the month: one per category group for the kommun (groups without categories are
 * skipped; a group whose categories count different measures gets one chart per measure), then one per
 * area with a line for each measure's total, in the indicators' area order (kommun first, okänt last).
 */
export function chartSpecs(ind: Indicators, config: Config): ChartSpec[] {
  const specs: ChartSpec[] = [];
  const kommun = ind.areas.find((a) => a.id === "kommun");
  if (kommun) {
    for (const group of config.groups) {
      const entries = kommun.incidents.filter((e) => e.group === group.id);
      if (entries.length === 0) continue;
      const where = areaPhrase(kommun).replace(/^i /, "");
      const measures = inMeasureOrder(entries.map((e) => e.measure));
      if (measures.length === 1) {
        const title = T.chart.groupTitle(group.name, where);
        specs.push(spec(ind, config, `kommun-${group.id}`, { section: "kommun", group: group.id }, title, entries));
        continue;
      }
      for (const m of measures) {
        const title = T.chart.groupMeasureTitle(group.name, m, where);
        const placement = { section: "kommun" as const, group: group.id, measure: m };
        specs.push(spec(ind, config, `kommun-${group.id}-${m}`, placement, title, entries.filter((e) => e.measure === m)));
      }
    }
  }
  for (const area of ind.areas.filter((a: AreaEntry) => a.id !== "kommun")) {
    const totals = area.incidents.filter((e) => isTotalId(e.category));
    if (totals.length === 0) continue;
    const title = T.chart.areaTitle(area.name, totals.map((t) => t.measure));
    specs.push(spec(ind, config, `omrade-${area.id}`, { section: "area", area: area.id }, capitalise(title), totals));
  }
  return specs;
}
