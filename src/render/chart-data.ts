/**
 * What each chart shows, worked out from the suppressed indicators without drawing anything: its lines,
 * the alt text with the chart's message, the caption and the same numbers as a table (spec/outputs.md:
 * every chart has its numbers in a real table beside it). `charts.ts` only draws these specs.
 */
import type { AreaEntry, IncidentEntry, Indicators } from "../aggregate/indicators-schema.ts";
import type { Config } from "../config/load-config.ts";
import { areaPhrase } from "./area-phrase.ts";
import { categoryStyle, type PointStyle } from "./chart-palette.ts";
import { capitalise, formatMonth, formatMonthRange, formatMonthShort, formatNumber } from "./format-sv.ts";
import { T, VERDICT, fewerThan } from "./wording.ts";

export interface ChartLine {
  label: string;
  colour: string;
  pointStyle: PointStyle;
  /** Dashed: the same category one year earlier, drawn under the latest twelve months. */
  dashed: boolean;
  /** One value per month of the chart; null (unavailable or hidden) is drawn as a gap. */
  values: Array<number | null>;
}

export interface ChartTable {
  caption: string;
  /** Column headings after the month column. */
  columns: string[];
  rows: Array<{ month: string; cells: string[] }>;
}

export type ChartPlacement = { section: "kommun"; group: string } | { section: "area"; area: string };

export interface ChartSpec {
  /** File stem: the PNG is `charts/<name>.png`. */
  name: string;
  placement: ChartPlacement;
  title: string;
  months: string[];
  lines: ChartLine[];
  alt: string;
  caption: string;
  table: ChartTable;
}

/** How a series point reads in the table and the alt text. */
function pointText(count: number | null, suppressed: boolean | undefined, minCount: number): string {
  if (count !== null) return formatNumber(count);
  return suppressed ? fewerThan(minCount) : T.notAvailable;
}

/** The chart's main message: each line's latest value and its trend verdict, in words. */
function altText(title: string, range: string, month: string, entries: IncidentEntry[], minCount: number): string {
  const parts = [T.chart.altIntro(title, range)];
  for (const e of entries) {
    const last = e.series.at(-1);
    const value = pointText(last?.count ?? null, last?.suppressed ?? e.suppressed, minCount);
    parts.push(
      e.trend
        ? T.chart.altLatest(e.name, formatMonth(month), value, VERDICT[e.trend.verdict].words)
        : T.chart.altLatestPlain(e.name, formatMonth(month), value),
    );
  }
  return parts.join(" ");
}

function linesFor(config: Config, e: IncidentEntry): ChartLine[] {
  const style = categoryStyle(config, e.category);
  const values = e.series.map((p) => p.count);
  // Under each of the latest twelve months, the same month one year earlier.
  const lastYear = values.map((_, i) => (i >= 12 ? (values[i - 12] ?? null) : null));
  return [
    { label: e.name, ...style, dashed: false, values },
    { label: `${e.name}, ${T.chart.lastYearSuffix}`, ...style, dashed: true, values: lastYear },
  ];
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
  const months = entries[0]?.series.map((p) => p.month) ?? [];
  const range = months.length > 0 ? formatMonthRange(months[0] ?? "", months.at(-1) ?? "") : "";
  return {
    name,
    placement,
    title,
    months,
    lines: entries.flatMap((e) => linesFor(config, e)),
    alt: altText(title, range, ind.month, entries, minCount),
    caption: T.chart.caption(title, range),
    table: {
      caption: `${title}, ${range}`,
      columns: entries.map((e) => e.name),
      rows: months.map((month, i) => ({
        month: formatMonth(month),
        cells: entries.map((e) => pointText(e.series[i]?.count ?? null, e.series[i]?.suppressed, minCount)),
      })),
    },
  };
}

/** Short month labels for the x axis. */
export function axisLabels(months: string[]): string[] {
  return months.map(formatMonthShort);
}

/**
 * Every chart of the month: one per category group for the kommun (groups without categories are
 * skipped), then one of `total` per area, in the indicators' area order (kommun first, okänt last).
 */
export function chartSpecs(ind: Indicators, config: Config): ChartSpec[] {
  const specs: ChartSpec[] = [];
  const kommun = ind.areas.find((a) => a.id === "kommun");
  if (kommun) {
    for (const group of config.groups) {
      const entries = kommun.incidents.filter((e) => e.group === group.id);
      if (entries.length === 0) continue;
      const title = T.chart.groupTitle(group.name, areaPhrase(kommun).replace(/^i /, ""));
      specs.push(spec(ind, config, `kommun-${group.id}`, { section: "kommun", group: group.id }, title, entries));
    }
  }
  for (const area of ind.areas.filter((a: AreaEntry) => a.id !== "kommun")) {
    const total = area.incidents.find((e) => e.category === "total");
    if (!total) continue;
    const title = T.chart.areaTitle(area.name);
    specs.push(spec(ind, config, `omrade-${area.id}`, { section: "area", area: area.id }, capitalise(title), [total]));
  }
  return specs;
}
