/**
 * Section 5, Trygghetsmätning: per survey indicator (its heading saying "senaste mätningen: 2021" when
 * the latest result is more than two survey years old), a table of the latest published figure per area
 * with its survey year, band, the previous survey and the change — each with its unit (survey-units.ts) —
 * "osäker skattning" where fewer than 30 answered (and "osäker: få svar" beside its change) and "för få
 * svar" where the share is hidden; then the indicator over the survey years
 * as a chart with its table. Left out when the config has no survey source.
 */
import type { AreaEntry, SurveyFigure } from "../model/indicators.ts";
import { chartFigure } from "./chart-figure.ts";
import { formatNumber } from "./format-sv.ts";
import { previousText, restsOnFewAnswers, surveyChangeText, surveyValueText, type SurveyUnit } from "./survey-units.ts";
import { html, type SafeHtml } from "./html.ts";
import type { Section } from "./section-types.ts";
import { AREA_PAGES, SURVEY } from "./wording.ts";
import { monthYear } from "../core/month.ts";

type WithSurvey = AreaEntry & { survey: SurveyFigure[] };

/** A result more than this many survey years before the report month's year says its year in the heading (issue 13). */
const STALE_AFTER_YEARS = 2;

function valueCell(f: SurveyFigure, unit: SurveyUnit): SafeHtml {
  const pct = unit === "percent" ? "\u00a0%" : "";
  if (f.value === null) return html`<td>${f.value_suppressed === "source" ? SURVEY.suppressedAtSource : f.suppressed ? SURVEY.suppressed : SURVEY.noValue}</td>`;
  const interval =
    f.ci_low != null && f.ci_high != null ? html`<br><span class="note">${SURVEY.interval(formatNumber(f.ci_low, 1), `${formatNumber(f.ci_high, 1)}${pct}`)}</span>` : null;
  const uncertain = f.uncertain ? html`<br><span class="note">${SURVEY.uncertain}</span>` : null;
  return html`<td class="num">${surveyValueText(f.value, unit)}${interval}${uncertain}</td>`;
}

/** The change with its unit, and "osäker: få svar" when the latest figure rests on few answers. */
function changeCell(f: SurveyFigure, unit: SurveyUnit): SafeHtml {
  if (f.change === null) return html`<td class="num">–</td>`;
  const few = restsOnFewAnswers(f) ? html`<br><span class="note few-answers"><span aria-hidden="true">◌ </span>${SURVEY.fewAnswers}</span>` : null;
  return html`<td class="num">${surveyChangeText(f.change, unit)}${few}</td>`;
}

function row(area: WithSurvey, f: SurveyFigure, unit: SurveyUnit): SafeHtml {
  return html`<tr><th scope="row">${area.name}</th><td class="num">${f.year}</td>${valueCell(f, unit)}<td>${f.band ?? "–"}</td><td>${previousText(f.previous, unit)}</td>${changeCell(f, unit)}<td class="num">${f.n === null ? SURVEY.noValue : formatNumber(f.n)}</td></tr>\n`;
}

/** The kommun's figure beside riket/länet, one sentence per reference (aggregate/survey-reference.ts). */
function referenceLines(f: SurveyFigure | undefined, kommun: string, unit: string): SafeHtml | null {
  const value = f?.value;
  if (f?.reference === undefined || value === null || value === undefined) return null;
  const d = unit === "percent" ? 1 : 2;
  const lines = f.reference.map((r) => {
    const R = SURVEY.reference;
    const figures = R.figures(f.name, formatNumber(value, d), f.year, r.name, formatNumber(r.value, d), r.year);
    const text =
      r.verdict === "tryggare" || r.verdict === "otryggare"
        ? `${R[r.verdict](kommun, r.name)}: ${figures}; ${R.beyond}`
        : `${figures}: ${r.verdict === "ingen_saker_skillnad" ? R.within : R.unknown(r.name)}`;
    return html`<li>${text.charAt(0).toUpperCase()}${text.slice(1)}</li>`;
  });
  return html`<ul class="survey-reference">${lines}</ul>
<p class="table-note">${SURVEY.reference.rule}</p>`;
}

export const surveySection: Section = {
  id: "trygghetsmatning",
  title: SURVEY.title,
  render: ({ ind, config, charts, areaPages }) => {
    const surveyed = ind.areas.filter((a): a is WithSurvey => a.survey !== undefined);
    if (surveyed.length === 0) return null;
    // With area pages the month page's tables hold the kommun's figures (the chart still draws every
    // area); each area's figures are on its page. A survey of areas only keeps its rows here.
    const kommunOnly = areaPages === true && surveyed.some((a) => a.id === "kommun" && a.survey.length > 0);
    const areas = kommunOnly ? surveyed.filter((a) => a.id === "kommun") : surveyed;
    const blocks = config.survey.indicators.flatMap((indicator) => {
      const rows = areas.flatMap((a) => {
        const f = a.survey.find((s) => s.indicator === indicator.id);
        return f ? [row(a, f, indicator.unit)] : [];
      });
      if (rows.length === 0) return [];
      const id = `trygghet-${indicator.id}`;
      // An old result says its age in the heading, so a 2021 figure is not read as this year's.
      const latestYear = Math.max(...areas.flatMap((a) => a.survey.filter((s) => s.indicator === indicator.id).map((s) => s.year)));
      const heading = monthYear(ind.month) - latestYear > STALE_AFTER_YEARS ? SURVEY.headingStale(indicator.name, latestYear) : indicator.name;
      const chart = charts.find((c) => c.placement.section === "survey" && c.placement.indicator === indicator.id);
      return [html`<h3>${heading}</h3>
${indicator.unit === "index_0_6" ? html`<p>${SURVEY.indexNote}</p>` : null}
<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">
<table class="figures">
<caption id="${id}">${SURVEY.caption(indicator.name)}</caption>
<thead><tr><th scope="col">${SURVEY.area}</th><th scope="col">${SURVEY.year}</th><th scope="col">${SURVEY.valueHeading(indicator.unit)}</th><th scope="col">${SURVEY.band}</th><th scope="col">${SURVEY.previous}</th><th scope="col">${SURVEY.changeHeading(indicator.unit)}</th><th scope="col">${SURVEY.n}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
${referenceLines(ind.areas.find((a) => a.id === "kommun")?.survey?.find((s) => s.indicator === indicator.id), ind.kommun.name, indicator.unit)}
${chart ? chartFigure(chart) : null}`];
    });
    const computed = areas.some((a) => a.survey.some((f) => f.ci_low !== undefined));
    const few = areas.some((a) => a.survey.some((f) => restsOnFewAnswers(f) && f.change !== null));
    const notes = computed
      ? html`<p class="table-note">${SURVEY.intervalNote} ${SURVEY.uncertainNote}${few ? ` ${SURVEY.fewAnswersNote}` : ""} ${SURVEY.suppressedNote}</p>`
      : null;
    return html`<p>${SURVEY.intro}</p>
${kommunOnly ? html`<p>${AREA_PAGES.perAreaElsewhere}</p>` : null}
${blocks.length > 0 ? blocks : html`<p>${SURVEY.noData}</p>`}
${notes}`;
  },
};
