/**
 * One chart per survey indicator: its value in each survey year, one line per area (hela kommunen in
 * near-black, areas in the palette with their own marker shapes, so colour is never the only cue).
 * Worked out from the published indicators (each survey figure's `series`), drawn by charts.ts's
 * renderer; the numbers go in a real table beside it with the years as rows.
 */
import type { ChartConfiguration } from "chart.js";
import type { AreaEntry, Indicators, SurveyFigure } from "../aggregate/indicators-schema.ts";
import type { Config } from "../config/load-config.ts";
import { PALETTE, POINT_STYLES, TOTAL_COLOUR } from "./chart-palette.ts";
import type { ChartImage } from "./charts.ts";
import { LEGEND_LABELS, LINE_DEFAULTS, STILL_IMAGE } from "./chart-style.ts";
import { formatNumber } from "./format-sv.ts";
import { SURVEY } from "./wording.ts";

export interface SurveyChartSpec {
  name: string;
  indicator: string;
  title: string;
  years: number[];
  lines: Array<{ label: string; colour: string; pointStyle: string; values: Array<number | null> }>;
  alt: string;
  caption: string;
  table: ChartImage["table"];
}

const decimals = (unit: string) => (unit === "percent" ? 1 : 2);

/** Specs for every indicator with at least two survey years somewhere (one point is no line). */
export function surveyChartSpecs(ind: Indicators, config: Config): SurveyChartSpec[] {
  const areas = ind.areas.filter((a): a is AreaEntry & { survey: SurveyFigure[] } => a.survey !== undefined);
  return config.survey.indicators.flatMap((indicator) => {
    const rows = areas.flatMap((a) => {
      const f = a.survey.find((s) => s.indicator === indicator.id);
      return f?.series && f.series.length > 0 ? [{ area: a, series: f.series }] : [];
    });
    const years = [...new Set(rows.flatMap((r) => r.series.map((p) => p.year)))].sort((x, y) => x - y);
    if (years.length < 2) return [];
    const d = decimals(indicator.unit);
    const valueOf = (series: Array<{ year: number; value: number | null }>, year: number) => series.find((p) => p.year === year)?.value;
    // A survey year without a value for an area is one whose share was hidden (fewer than 10 answers);
    // a year the area was not surveyed has no point at all.
    const text = (v: number | null | undefined) => (v === undefined ? SURVEY.noValue : v === null ? SURVEY.suppressed : formatNumber(v, d));
    const lines = rows.map((r, i) => ({
      label: r.area.name,
      colour: r.area.id === "kommun" ? TOTAL_COLOUR : (PALETTE[(i - 1 + PALETTE.length) % PALETTE.length] ?? PALETTE[0]),
      pointStyle: r.area.id === "kommun" ? "circle" : (POINT_STYLES[i % POINT_STYLES.length] ?? "circle"),
      values: years.map((y) => valueOf(r.series, y) ?? null),
    }));
    const first = years[0]!;
    const last = years.at(-1)!;
    const latest = rows.map((r) => `${r.area.name} ${last}: ${text(valueOf(r.series, last))}`).join(", ");
    return [{
      name: `trygghet-${indicator.id.replace(/_/g, "-")}`,
      indicator: indicator.id,
      title: indicator.name,
      years,
      lines,
      alt: SURVEY.chartAlt(indicator.name, first, last, latest),
      caption: SURVEY.chartCaption(indicator.name, first, last),
      table: {
        caption: SURVEY.chartTableCaption(indicator.name),
        rowHeading: SURVEY.yearColumn,
        columns: rows.map((r) => r.area.name),
        rows: years.map((y) => ({ month: String(y), cells: rows.map((r) => text(valueOf(r.series, y))) })),
      },
    }];
  });
}

export function surveyChartConfiguration(spec: SurveyChartSpec, unit: string): ChartConfiguration<"line", Array<number | null>, string> {
  return {
    type: "line",
    data: {
      labels: spec.years.map(String),
      datasets: spec.lines.map((l) => ({
        label: l.label,
        data: l.values,
        borderColor: l.colour,
        backgroundColor: l.colour,
        borderWidth: 3,
        pointStyle: l.pointStyle as "circle",
        pointRadius: 5,
        ...LINE_DEFAULTS,
      })),
    },
    options: {
      ...STILL_IMAGE,
      plugins: {
        legend: { position: "bottom", labels: { ...LEGEND_LABELS } },
        tooltip: { enabled: false },
        title: { display: false },
      },
      scales: {
        y: unit === "percent" ? { min: 0, max: 100, title: { display: true, text: SURVEY.yAxisPercent } } : { min: 0, max: 6, title: { display: true, text: SURVEY.yAxisIndex } },
      },
    },
  };
}

/** Draws the survey charts with the report's shared renderer. */
export async function renderSurveyCharts(
  ind: Indicators,
  config: Config,
  draw: (cfg: ChartConfiguration) => Promise<Buffer>,
): Promise<ChartImage[]> {
  // Every chart is started before any is awaited: `draw` draws now and encodes on the thread pool.
  const charts = surveyChartSpecs(ind, config).map(async (spec): Promise<ChartImage> => {
    const unit = config.survey.indicators.find((i) => i.id === spec.indicator)?.unit ?? "index_0_6";
    const png = await draw(surveyChartConfiguration(spec, unit) as ChartConfiguration);
    return {
      file: `charts/${spec.name}.png`,
      png,
      alt: spec.alt,
      caption: spec.caption,
      title: spec.title,
      placement: { section: "survey", indicator: spec.indicator },
      table: spec.table,
    };
  });
  return Promise.all(charts);
}
