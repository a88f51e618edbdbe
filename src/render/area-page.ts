/**
 * One area's page, `<YYYY-MM>/omrade/<id>.html` (issue 20), built from the same suppressed indicators and
 * the same section helpers as the month page: the area's summary (its totals and the changes that passed
 * the trend test), its table per measure with "färre än k" / "döljs" / "uppgift saknas" exactly as on the
 * month page, its chart, its field and survey figures, and links back to the month, to "Om statistiken"
 * and to the open data. Promises and actions are the kommun's (they carry no area), so they stay on the
 * month page.
 */
import type { AreaEntry, Indicators } from "../model/indicators.ts";
import { areaPagePath } from "./area-pages.ts";
import type { ChartLayout } from "./charts.ts";
import { chartFigure } from "./chart-figure.ts";
import { capitalise, formatMonth } from "./format-sv.ts";
import { html, type SafeHtml } from "./html.ts";
import { incidentTable } from "./incident-table.ts";
import { pageDocument } from "./layout.ts";
import { areaFieldFigures } from "./section-field.ts";
import { surveySection } from "./section-survey.ts";
import type { ReportContext } from "./section-types.ts";
import { areaSummarySentences } from "./summary-text.ts";
import { AREA_PAGES, FIELD, SURVEY, T } from "./wording.ts";

/** From an area page to the month folder. */
const UP = "../";

function header(area: AreaEntry, monthText: string): SafeHtml {
  return html`<header class="site-header">
<p class="breadcrumb"><a href="${`${UP}${UP}index.html`}">${T.linkArchive}</a> › <a href="${`${UP}index.html`}">${AREA_PAGES.breadcrumbMonth(monthText)}</a></p>
<h1>${area.name} <span class="h1-month">${capitalise(monthText)}</span></h1>
</header>`;
}

function section(id: string, title: string, body: SafeHtml): SafeHtml {
  return html`<section id="${id}" aria-labelledby="${`${id}-rubrik`}">
<h2 id="${`${id}-rubrik`}">${title}</h2>
${body}
</section>
`;
}

/**
 * The page's HTML. `chart` is the area's chart as the page links it (its file relative to the page:
 * render-month.ts writes area charts beside the area pages).
 */
export function renderAreaPageHtml(ind: Indicators, area: AreaEntry, ctx: ReportContext, chart: ChartLayout | undefined): string {
  const { config } = ctx;
  const title = config.output.title ?? T.defaultTitle(ind.kommun.name);
  const monthText = formatMonth(ind.month);
  const summary = areaSummarySentences(ind, area);
  const field = areaFieldFigures(ind, area);
  // The month page's survey section, given this area alone and no chart: its tables hold this area's rows.
  const survey = surveySection.render({ ...ctx, ind: { ...ind, areas: [area] }, kommun: undefined, charts: [], areaPages: false });
  const main = html`${section("sammanfattning", T.sections.summary, html`<div class="summary">${summary.map((s) => html`<p>${s}</p>\n`)}</div>`)}
${section(
    "siffror",
    AREA_PAGES.figuresHeading,
    html`${incidentTable(area, area.name, { month: ind.month, config, withReference: false })}
${chart ? chartFigure(chart) : null}`,
  )}
${field ? section("faltrapporter", FIELD.title, field) : null}
${survey ? section("trygghetsmatning", SURVEY.title, survey) : null}
<nav class="open-data" aria-label="${T.openData}">
<p class="nav-heading">${T.openData}</p>
<ul class="downloads">
<li><a href="${`${UP}indicators.csv`}">${T.linkCsv}</a></li>
<li><a href="${`${UP}indicators.json`}">${T.linkJson}</a></li>
</ul>
</nav>
<p><a href="${`${UP}index.html#om-statistiken`}">${AREA_PAGES.aboutLink}</a></p>
<p><a href="${`${UP}index.html#per-omrade`}">${AREA_PAGES.back(monthText)}</a></p>`;
  return pageDocument({
    title: `${AREA_PAGES.pageTitle(area.name, monthText)} – ${title}`,
    root: `${UP}${UP}`,
    path: `${ind.month}/${areaPagePath(area.id)}`,
    header: header(area, monthText),
    main,
    config,
  });
}
