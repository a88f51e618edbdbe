/**
 * Survey figures per area and indicator for report month m (spec/indicators.md "Survey figures"): the
 * latest result published by m, the latest earlier survey year's result, and the change. Published
 * results are taken as given; shares computed from respondent rows get a Wilson 95 % interval, are
 * hidden below 10 answers and marked uncertain below 30. Pure: no I/O.
 */
import type { Config } from "../config/load-config.ts";
import { monthIndex, monthYear } from "../core/month.ts";
import { compareSurvey } from "./survey-reference.ts";
import type { SurveySourceData } from "../model/extra-records.ts";
import type { SurveyFigure } from "../model/indicators.ts";
import { roundDecimal, roundRatio } from "./round.ts";
import { wilson } from "./wilson.ts";

export const SUPPRESS_BELOW = 10;
export const UNCERTAIN_BELOW = 30;

type IndicatorConfig = Config["survey"]["indicators"][number];

/** One candidate figure for an (area, indicator): published, or computed from respondents. */
interface Candidate {
  year: number;
  published: string;
  /** Exact value (a computed share is unrounded); null when hidden (n < 10). */
  value: number | null;
  n: number | null;
  computed?: { counted: number; base: number };
  /** A published ± (the source's `margin` column). */
  margin?: number;
}

/** The first band whose `max` ≥ value; a band without `max` takes everything above the others. */
export function bandFor(bands: IndicatorConfig["bands"], value: number | null): string | null {
  if (value === null || bands === undefined) return null;
  for (const b of bands) if (b.max === undefined || b.max >= value) return b.label;
  return null;
}

function candidates(sources: readonly SurveySourceData[], area: string, indicator: string): Candidate[] {
  const out: Candidate[] = [];
  for (const s of sources) {
    for (const r of s.results) {
      if (r.area === area && r.indicator === indicator) out.push({ year: r.year, published: r.published, value: r.value, n: r.n, ...(r.margin !== undefined ? { margin: r.margin } : {}) });
    }
    // kommun = every respondent, whatever the area (okant included).
    const byYear = new Map<number, { counted: number; base: number }>();
    for (const t of s.responses) {
      if (t.indicator !== indicator || (area !== "kommun" && t.area !== area)) continue;
      const acc = byYear.get(t.year) ?? { counted: 0, base: 0 };
      acc.counted += t.counted;
      acc.base += t.base;
      byYear.set(t.year, acc);
    }
    for (const [year, c] of byYear) {
      if (c.base === 0) continue;
      out.push({
        year,
        published: `${year}-12`,
        value: c.base < SUPPRESS_BELOW ? null : (100 * c.counted) / c.base,
        n: c.base,
        computed: c,
      });
    }
  }
  return out;
}

/** Two decimals (spec), a computed share rounded from its exact ratio. */
function rounded(c: Candidate): number | null {
  if (c.value === null) return null;
  return c.computed ? roundRatio(100 * c.computed.counted, c.computed.base, 2) : roundDecimal(c.value, 2);
}

/** The figure of one (area, indicator) as of month m, or null when nothing is published yet. */
export function surveyFigure(
  sources: readonly SurveySourceData[],
  area: string,
  indicator: IndicatorConfig,
  month: string,
): SurveyFigure | null {
  const m = monthIndex(month);
  const shown = candidates(sources, area, indicator.id)
    .filter((c) => monthIndex(c.published) <= m)
    // Latest year first; for one year the latest publication (a revised figure) wins, then source order.
    .sort((a, b) => b.year - a.year || monthIndex(b.published) - monthIndex(a.published));
  const latest = shown[0];
  if (latest === undefined) return null;
  const previous = shown.find((c) => c.year < latest.year) ?? null;
  const change = latest.value !== null && previous?.value != null ? roundDecimal(latest.value - previous.value, 2) : null;
  const figure: SurveyFigure = {
    indicator: indicator.id,
    name: indicator.name,
    year: latest.year,
    value: rounded(latest),
    n: latest.n,
    band: bandFor(indicator.bands, latest.value),
    previous: previous === null ? null : { year: previous.year, value: rounded(previous) },
    change,
  };
  // A published result without a value was suppressed at the source (read-survey-results.ts).
  if (latest.computed === undefined && latest.value === null) figure.value_suppressed = "source";
  const c = latest.computed;
  // A published margin is the figure's 95 % interval as the source states it.
  if (c === undefined && latest.margin !== undefined && latest.value !== null) {
    figure.ci_low = roundDecimal(Math.max(0, latest.value - latest.margin), 2);
    figure.ci_high = roundDecimal(latest.value + latest.margin, 2);
  }
  if (c !== undefined) {
    if (latest.value === null) {
      figure.ci_low = null;
      figure.ci_high = null;
    } else {
      const ci = wilson(c.counted, c.base);
      figure.ci_low = roundDecimal(100 * ci.low, 1);
      figure.ci_high = roundDecimal(100 * ci.high, 1);
    }
    if (c.base < UNCERTAIN_BELOW) figure.uncertain = true;
    if (c.base < SUPPRESS_BELOW) figure.suppressed = true;
  }
  // One point per survey year (the first candidate of a year is its latest publication).
  const years = new Map<number, Candidate>();
  for (const cand of shown) if (!years.has(cand.year)) years.set(cand.year, cand);
  figure.series = [...years.values()].reverse().map((cand) => ({ year: cand.year, value: rounded(cand) }));
  return figure;
}

/** Every configured indicator with a figure for the area, in config order. */
export function surveyFigures(sources: readonly SurveySourceData[], area: string, config: Config, month: string): SurveyFigure[] {
  return config.survey.indicators.flatMap((i) => {
    const f = surveyFigure(sources, area, i, month);
    if (f === null) return [];
    // Riket/länet beside the kommun's own figure only (survey-reference.ts); absent without a reference.
    const refs = area === "kommun" ? compareSurvey(f, i.better ?? "lower", config.survey.reference ?? [], monthYear(month)) : [];
    return [refs.length > 0 ? { ...f, reference: refs } : f];
  });
}
