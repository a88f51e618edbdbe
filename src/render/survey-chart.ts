/**
 * One chart per survey indicator: its value in each survey year, one line per area (hela kommunen in
 * near-black, areas in the palette with their own marker shapes, so colour is never the only cue).
 * Worked out from the published indicators (each survey figure's `series`), drawn by charts.ts's
 * renderer; the numbers go in a real table beside it with the years as rows.
 */
import type { Chart, ChartConfiguration, Plugin } from "chart.js";
import type { AreaEntry, Indicators, SurveyFigure } from "../model/indicators.ts";
import type { Config } from "../config/load-config.ts";
import { PALETTE, POINT_STYLES, TOTAL_COLOUR, type PointStyle } from "./chart-palette.ts";
import type { ChartImage } from "./charts.ts";
import { LEGEND_LABELS, LINE_DEFAULTS, PHONE, PHONE_SCALE, STILL_IMAGE } from "./chart-style.ts";
import { restsOnFewAnswers, surveyDecimals, surveyValueText } from "./survey-units.ts";
import { formatNumber } from "./format-sv.ts";
import { SURVEY } from "./wording.ts";
import { at } from "../core/checked.ts";

export interface SurveyLine {
  label: string;
  colour: string;
  pointStyle: PointStyle;
  values: Array<number | null>;
  /** Hela kommunen's line: the reference drawn in every phone panel. */
  kommun: boolean;
  /** Per year: the value rests on few answers (survey-units.ts), drawn as a large hollow point. */
  fewAnswers: boolean[];
}

export interface SurveyChartSpec {
  name: string;
  indicator: string;
  title: string;
  years: number[];
  lines: SurveyLine[];
  alt: string;
  caption: string;
  table: ChartImage["table"];
}


/** Specs for every indicator with at least two survey years somewhere (one point is no line). */
export function surveyChartSpecs(ind: Indicators, config: Config): SurveyChartSpec[] {
  const areas = ind.areas.filter((a): a is AreaEntry & { survey: SurveyFigure[] } => a.survey !== undefined);
  return config.survey.indicators.flatMap((indicator) => {
    const rows = areas.flatMap((a) => {
      const f = a.survey.find((s) => s.indicator === indicator.id);
      return f?.series && f.series.length > 0 ? [{ area: a, series: f.series, figure: f }] : [];
    });
    const years = [...new Set(rows.flatMap((r) => r.series.map((p) => p.year)))].sort((x, y) => x - y);
    if (years.length < 2) return [];
    const d = surveyDecimals(indicator.unit);
    const valueOf = (series: Array<{ year: number; value: number | null }>, year: number) => series.find((p) => p.year === year)?.value;
    // A survey year without a value for an area is one whose share was hidden (fewer than 10 answers);
    // a year the area was not surveyed has no point at all.
    const text = (v: number | null | undefined) => (v === undefined ? SURVEY.noValue : v === null ? SURVEY.suppressed : formatNumber(v, d));
    const lines = rows.map((r, i) => ({
      label: r.area.name,
      kommun: r.area.id === "kommun",
      colour: r.area.id === "kommun" ? TOTAL_COLOUR : (PALETTE[(i - 1 + PALETTE.length) % PALETTE.length] ?? PALETTE[0]),
      pointStyle: r.area.id === "kommun" ? "circle" : (POINT_STYLES[i % POINT_STYLES.length] ?? "circle"),
      values: years.map((y) => valueOf(r.series, y) ?? null),
      fewAnswers: years.map((y) => y === r.figure.year && restsOnFewAnswers(r.figure)),
    }));
    // At least two years (above).
    const first = at(years, 0);
    const last = at(years, years.length - 1);
    // The alt text's latest values carry their unit and, on few answers, say so (as the table does).
    const latestText = (r: (typeof rows)[number]) => {
      const v = valueOf(r.series, last);
      const few = r.figure.year === last && restsOnFewAnswers(r.figure) ? ` (${SURVEY.fewAnswers})` : "";
      return `${r.area.name} ${last}: ${typeof v === "number" ? surveyValueText(v, indicator.unit) : text(v)}${few}`;
    };
    const latest = rows.map(latestText).join(", ");
    return [{
      name: `trygghet-${indicator.id.replace(/_/g, "-")}`,
      indicator: indicator.id,
      title: indicator.name,
      years,
      lines,
      alt: SURVEY.chartAlt(indicator.name, first, last, latest),
      caption: `${SURVEY.chartCaption(indicator.name, first, last)}${lines.some((l) => l.fewAnswers.some(Boolean)) ? ` ${SURVEY.chartCaptionFewAnswers}` : ""}`,
      table: {
        caption: SURVEY.chartTableCaption(indicator.name),
        rowHeading: SURVEY.yearColumn,
        columns: rows.map((r) => r.area.name),
        rows: years.map((y) => ({ month: String(y), cells: rows.map((r) => text(valueOf(r.series, y))) })),
      },
    }];
  });
}

/**
 * Writes "få svar" above each point that rests on few answers (an inline chart.js plugin: the drawing
 * chart.js copy is chartjs-node-canvas's own, so nothing is registered globally).
 */
function fewAnswersLabels(lines: ReadonlyArray<SurveyLine>, fontSize: number): Plugin<"line"> {
  return {
    id: "fewAnswersLabels",
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = `bold ${fontSize}px DejaVu Sans, sans-serif`;
      ctx.fillStyle = "#222222";
      ctx.textBaseline = "middle";
      const middle = (chart.chartArea.left + chart.chartArea.right) / 2;
      lines.forEach((line, i) => {
        const points = chart.getDatasetMeta(i).data;
        line.fewAnswers.forEach((few, j) => {
          const p = points[j];
          if (!few || !p || line.values[j] === null) return;
          // Beside the point, on the side with room (the latest year is usually the rightmost).
          const left = p.x > middle;
          ctx.textAlign = left ? "right" : "left";
          ctx.fillText(SURVEY.chartPointFewAnswers, p.x + (left ? -14 : 14), p.y);
        });
      });
      ctx.restore();
    },
  };
}

/**
 * The chart.js configuration of a survey chart, or of one phone panel (`phone`: drawn at PHONE_SCALE,
 * its lines a subset of the spec's). A value on few answers is a large hollow point with "få svar" over
 * it, and the legend says so.
 */
export function surveyChartConfiguration(spec: SurveyChartSpec, unit: string, phone = false): ChartConfiguration<"line", Array<number | null>, string> {
  const few = spec.lines.some((l) => l.fewAnswers.some(Boolean));
  return {
    type: "line",
    data: {
      labels: spec.years.map(String),
      datasets: spec.lines.map((l) => ({
        label: l.label,
        data: l.values,
        borderColor: l.colour,
        backgroundColor: l.fewAnswers.map((f) => (f ? "#ffffff" : l.colour)),
        borderWidth: 3,
        pointStyle: l.pointStyle,
        pointRadius: l.fewAnswers.map((f) => (f ? 9 : phone ? 4.5 : 5)),
        pointBorderWidth: l.fewAnswers.map((f) => (f ? 3 : 1)),
        ...LINE_DEFAULTS,
      })),
    },
    plugins: few ? [fewAnswersLabels(spec.lines, phone ? PHONE.fontSize : 13)] : [],
    options: {
      ...STILL_IMAGE,
      devicePixelRatio: phone ? PHONE_SCALE : 1,
      // Room for the large hollow point at the chart's right edge.
      layout: { padding: { right: few ? 10 : 0 } },
      plugins: {
        legend: {
          position: "bottom",
          labels: {
            ...LEGEND_LABELS,
            ...(phone ? { padding: 8 } : {}),
            generateLabels: (chart) => [
              ...(chart.constructor as typeof Chart).defaults.plugins.legend.labels.generateLabels(chart),
              ...(few ? [{ text: SURVEY.chartLegendFewAnswers, fillStyle: "#ffffff", strokeStyle: "#222222", lineWidth: 3, pointStyle: "circle" as const, hidden: false, fontColor: "#222222" }] : []),
            ],
          },
        },
        tooltip: { enabled: false },
        title: { display: false },
      },
      scales: {
        ...(phone ? { x: { grid: { display: false } } } : {}),
        y: {
          ...(unit === "percent" ? { min: 0, max: 100 } : { min: 0, max: 6 }),
          ...(phone && unit === "percent" ? { ticks: { stepSize: 20 } } : {}),
          title: { display: true, text: unit === "percent" ? SURVEY.yAxisPercent : SURVEY.yAxisIndex },
        },
      },
    },
  };
}

/**
 * The phone variant's panels: hela kommunen (the reference line) with at most three areas each, so no
 * panel has more than four lines (issue 16: small multiples of ≤ 4 lines).
 */
export function surveyPhonePanels(spec: SurveyChartSpec): SurveyChartSpec[] {
  const total = spec.lines.filter((l) => l.kommun);
  const others = spec.lines.filter((l) => !l.kommun);
  const panels: SurveyChartSpec[] = [];
  for (let i = 0; i < Math.max(1, others.length); i += 3) panels.push({ ...spec, lines: [...total, ...others.slice(i, i + 3)] });
  return panels;
}

/** Draws the survey charts with the report's shared renderer. */
export async function renderSurveyCharts(
  ind: Indicators,
  config: Config,
  draw: (cfg: ChartConfiguration) => Promise<Buffer>,
  drawPanels: (panels: ReadonlyArray<{ cfg: ChartConfiguration; height: number }>) => Promise<Buffer>,
): Promise<ChartImage[]> {
  const charts = surveyChartSpecs(ind, config).map(async (spec): Promise<ChartImage> => {
    const unit = config.survey.indicators.find((i) => i.id === spec.indicator)?.unit ?? "index_0_6";
    // The line chart's own configuration type, widened to what the drawing takes (chart.js's types do not relate them).
    const panels = surveyPhonePanels(spec).map((p) => ({ cfg: surveyChartConfiguration(p, unit, true) as ChartConfiguration, height: PHONE.surveyHeight }));
    const [png, phonePng] = await Promise.all([draw(surveyChartConfiguration(spec, unit) as ChartConfiguration), drawPanels(panels)]);
    return {
      file: `charts/${spec.name}.png`,
      png,
      alt: spec.alt,
      caption: spec.caption,
      title: spec.title,
      placement: { section: "survey", indicator: spec.indicator },
      table: spec.table,
      phone: { file: `charts/${spec.name}-mobil.png`, png: phonePng, width: PHONE.width, height: PHONE.surveyHeight * panels.length },
    };
  });
  return Promise.all(charts);
}
