/**
 * The archive, `reports/index.html`: every published month, newest first, with a link to its report
 * and its headline figures (the kommun's total, the change against the same month last year, and the
 * trend in words with its symbol).
 */
import type { Config } from "../config/load-config.ts";
import { capitalise, formatMonth, formatNumber, formatPercentChange } from "./format-sv.ts";
import { html } from "./html.ts";
import { archiveOpenData } from "./archive-open-data.ts";
import { pageDocument } from "./layout.ts";
import { ARCHIVE, T, VERDICT } from "./wording.ts";
import { VerdictSchema } from "../aggregate/indicators-schema.ts";

export interface ArchiveEntry {
  month: string;
  total: number | null;
  change_pct: number | null;
  verdict: string | null;
  suppressed?: boolean;
}

function verdictCell(verdict: string | null) {
  const parsed = VerdictSchema.safeParse(verdict);
  if (!parsed.success) return html`<td>${T.notAvailable}</td>`;
  const v = VERDICT[parsed.data];
  return html`<td class="${`trend ${v.className}`}"><span class="trend-symbol" aria-hidden="true">${v.symbol}</span> ${v.words}</td>`;
}

export function renderArchiveHtml(entries: ArchiveEntry[], config: Config): string {
  const title = config.output.title ?? T.defaultTitle(config.kommun.name);
  const sorted = [...entries].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  const rows = sorted.map(
    (e) => html`<tr>
<th scope="row"><a href="${`${e.month}/index.html`}">${capitalise(formatMonth(e.month))}</a></th>
<td class="num">${e.total !== null ? formatNumber(e.total) : e.suppressed ? ARCHIVE.hidden : T.notAvailable}</td>
<td class="num">${e.change_pct !== null ? formatPercentChange(e.change_pct) : T.notAvailable}</td>
${verdictCell(e.verdict)}
</tr>
`,
  );
  const main = html`<p>${ARCHIVE.intro}</p>
${sorted.length === 0
  ? html`<p>${ARCHIVE.empty}</p>`
  : html`<div class="table-wrap" role="region" aria-labelledby="arkiv-rubrik" tabindex="0">
<table class="figures archive">
<caption id="arkiv-rubrik">${ARCHIVE.caption}</caption>
<thead><tr><th scope="col">${ARCHIVE.month}</th><th scope="col">${ARCHIVE.total}</th><th scope="col">${ARCHIVE.change}</th><th scope="col">${ARCHIVE.trend}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`}
<p><a href="feed.xml">${ARCHIVE.feed}</a></p>
${archiveOpenData(config)}`;
  return pageDocument({
    title: `${title} – ${ARCHIVE.heading}`,
    root: "",
    path: "index.html",
    header: html`<header class="site-header"><h1>${title} <span class="h1-month">${ARCHIVE.heading}</span></h1></header>`,
    main,
    config,
  });
}
