/**
 * The month's report page (`<YYYY-MM>/index.html`), rendered only from the already-suppressed
 * indicators so nothing hidden can leak. The page is the header (one h1), the key messages (the lead
 * sections: the summary and the analysts' commentary), then the table of contents and the open-data
 * links, then the other sections of `SECTIONS` in order, each under its own h2. A politician reads the
 * first screen and knows the month (issue 16).
 */
import type { Indicators } from "../model/indicators.ts";
import { capitalise, formatMonth } from "./format-sv.ts";
import { html, type SafeHtml } from "./html.ts";
import { pageDocument } from "./layout.ts";
import { aboutSection } from "./section-about.ts";
import { areaPagesEnabled } from "./area-pages.ts";
import { areasSection } from "./section-areas.ts";
import { commentarySection } from "./section-commentary.ts";
import { kommunSection } from "./section-kommun.ts";
import { summarySection } from "./section-summary.ts";
import { fieldSection } from "./section-field.ts";
import { promisesSection } from "./section-promises.ts";
import { surveySection } from "./section-survey.ts";
import type { ReportContext, ReportView, Section } from "./section-types.ts";
import { T } from "./wording.ts";

export type { ReportContext } from "./section-types.ts";

/**
 * The report's sections in reading order (spec/outputs.md). Insertion points for the sections other
 * modules add: write a `section-<name>.ts` exporting a `Section` and put it in its place below.
 */
export const SECTIONS: ReadonlyArray<Section> = [
  summarySection, // 1 Sammanfattning (lead)
  commentarySection, // Analys och kommentarer (lead; omitted when there is no commentary)
  kommunSection, // 2 Hela kommunen
  areasSection, // 3 Per område
  fieldSection, // 4 Fältrapporter
  surveySection, // 5 Trygghetsmätning
  promisesSection, // 6 Medborgarlöften och åtgärder
  aboutSection, // 7 Om statistiken
];

function header(title: string, monthText: string): SafeHtml {
  return html`<header class="site-header">
<p class="breadcrumb"><a href="../index.html">${T.linkArchive}</a></p>
<h1>${title} <span class="h1-month">${capitalise(monthText)}</span></h1>
</header>`;
}

const openData = html`<nav class="open-data" aria-label="${T.openData}">
<p class="nav-heading">${T.openData}</p>
<ul class="downloads">
<li><a href="indicators.csv">${T.linkCsv}</a></li>
<li><a href="indicators.json">${T.linkJson}</a></li>
<li><a href="run.json">${T.linkRun}</a></li>
</ul>
</nav>`;

export function renderReportHtml(ind: Indicators, ctx: ReportContext): string {
  const view: ReportView = { ...ctx, ind, kommun: ind.areas.find((a) => a.id === "kommun"), areaPages: areaPagesEnabled(ctx.config) };
  const title = ctx.config.output.title ?? T.defaultTitle(ind.kommun.name);
  const monthText = formatMonth(ind.month);
  const rendered = SECTIONS.flatMap((s) => {
    const body = s.render(view);
    return body === null ? [] : [{ section: s, body }];
  });
  const toc = html`<nav class="toc" aria-labelledby="innehall">
<h2 id="innehall">${T.contents}</h2>
<ol>${rendered.map(({ section }) => html`<li><a href="${`#${section.id}`}">${section.title}</a></li>`)}</ol>
</nav>`;
  const sectionHtml = ({ section, body }: (typeof rendered)[number]) => html`<section id="${section.id}" aria-labelledby="${`${section.id}-rubrik`}">
<h2 id="${`${section.id}-rubrik`}">${section.title}</h2>
${body}
</section>
`;
  const main = html`${rendered.filter((r) => r.section.lead).map(sectionHtml)}
${toc}
${openData}
${rendered.filter((r) => !r.section.lead).map(sectionHtml)}`;
  return pageDocument({
    title: `${title} – ${monthText}`,
    root: "../",
    path: `${ind.month}/index.html`,
    header: header(title, monthText),
    main,
    config: ctx.config,
  });
}
