/**
 * The archive, `reports/index.html`: every published month, newest first, with a link to its report
 * and its headline figures per measure (the kommun's total of that measure, the change against the same
 * month last year, and the trend in words with its symbol): one row per measure, never their sum.
 */
import type { Config } from "../config/load-config.ts";
import { capitalise, formatMonth, formatNumber, formatPercentChange } from "./format-sv.ts";
import { html } from "./html.ts";
import { archiveOpenData } from "./archive-open-data.ts";
import { pageDocument } from "./layout.ts";
import { ARCHIVE, MEASURE, T, VERDICT } from "./wording.ts";
import { VerdictSchema } from "../model/indicators.ts";
import type { ArchiveHeadline } from "./archive-entry.ts";

export interface ArchiveEntry {
  month: string;
  headlines: ReadonlyArray<Omit<ArchiveHeadline, "verdict" | "suppressed"> & { verdict: string | null; suppressed?: boolean }>;
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
  // One body per month: the month heads its rows (one per measure) for a screen reader.
  const rows = sorted.map((e) => {
    const headlines = e.headlines.length > 0 ? e.headlines : [{ measure: null, total: null, change_pct: null, verdict: null }];
    const monthCell = html`<th scope="rowgroup"${headlines.length > 1 ? html` rowspan="${String(headlines.length)}"` : null}><a href="${`${e.month}/index.html`}">${capitalise(formatMonth(e.month))}</a></th>`;
    return html`<tbody>
${headlines.map(
  (h, i) => html`<tr>
${i === 0 ? monthCell : null}<td>${h.measure === null ? ARCHIVE.unknownMeasure : MEASURE[h.measure].title}</td>
<td class="num">${h.total !== null ? formatNumber(h.total) : h.suppressed ? ARCHIVE.hidden : T.notAvailable}</td>
<td class="num">${h.change_pct !== null ? formatPercentChange(h.change_pct) : T.notAvailable}</td>
${verdictCell(h.verdict)}
</tr>
`,
)}</tbody>
`;
  });
  const main = html`<p>${ARCHIVE.intro}</p>
${sorted.length === 0
  ? html`<p>${ARCHIVE.empty}</p>`
  : html`<div class="table-wrap" role="region" aria-labelledby="arkiv-rubrik" tabindex="0">
<table class="figures archive">
<caption id="arkiv-rubrik">${ARCHIVE.caption}</caption>
<thead><tr><th scope="col">${ARCHIVE.month}</th><th scope="col">${ARCHIVE.measure}</th><th scope="col">${ARCHIVE.total}</th><th scope="col">${ARCHIVE.change}</th><th scope="col">${ARCHIVE.trend}</th></tr></thead>
${rows}
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
