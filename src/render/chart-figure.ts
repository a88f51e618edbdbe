/**
 * One chart in the page: the PNG in a `<figure>` with its alt text and caption, and the same numbers as
 * a real table (caption, header cells with scope), so the figures are there for screen readers, for
 * copying and for anyone who cannot read the chart.
 *
 * On screen the table sits in a `<details>` right after the chart, to keep the page short. Browsers do
 * not print a closed `<details>`, so a second copy of the table is emitted for print only (hidden on
 * screen with display:none, which also keeps it out of the accessibility tree): the printed report,
 * often filed as a PDF, has every chart's numbers.
 */
import type { ChartLayout } from "./charts.ts";
import { CHART_HEIGHT, CHART_WIDTH } from "./charts.ts";
import { PHONE_MEDIA, PHONE_SCALE } from "./chart-style.ts";
import { html, type SafeHtml } from "./html.ts";
import { T } from "./wording.ts";

function table(chart: ChartLayout, captionId: string | null): SafeHtml {
  const t = chart.table;
  return html`<table class="figures">
<caption${captionId ? html` id="${captionId}"` : null}>${t.caption}</caption>
<thead><tr><th scope="col">${t.rowHeading ?? T.chart.monthColumn}</th>${t.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>
${t.rows.map((r) => html`<tr><th scope="row">${r.month}</th>${r.cells.map((c) => html`<td class="num">${c}</td>`)}</tr>\n`)}
</tbody>
</table>`;
}

/**
 * The chart as one `<img>` (one alt text), inside a `<picture>` whose `<source>` gives a phone its own
 * drawing (issue 16): art direction, not resolution switching — the phone variant is another picture
 * (small multiples, larger text), so it is chosen by the viewport's width, never by the browser's guess
 * of pixels. "1.5x": the file has PHONE_SCALE device pixels per CSS pixel, so it is laid out at its CSS width.
 * Images below the first screen load lazily (every chart is below the summary).
 */
function picture(chart: ChartLayout): SafeHtml {
  // One drawing at every width (an area page's chart): its width and height attributes lay the file out at
  // the CSS size it was drawn for (PHONE_SCALE pixels per CSS px), so its text reads at its drawn size.
  if (chart.size) {
    return html`<img src="${chart.file}" alt="${chart.alt}" width="${chart.size.width}" height="${chart.size.height}" loading="lazy">`;
  }
  const img = html`<img src="${chart.file}" alt="${chart.alt}" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" loading="lazy">`;
  if (!chart.phone) return img;
  const p = chart.phone;
  return html`<picture>
<source media="${PHONE_MEDIA}" srcset="${`${p.file} ${PHONE_SCALE}x`}" width="${p.width}" height="${p.height}">
${img}
</picture>`;
}

export function chartFigure(chart: ChartLayout): SafeHtml {
  const id = `data-${chart.file.replace(/^charts\//, "").replace(/\.png$/, "")}`;
  // An area page's chart (one drawing, `size` set) has one copy of its table, printed open as a map's
  // table is (style.css `details.map-table`, map-figure.ts): the print copy was 3 kB of each of 313
  // pages at 312 areas (issue 20). A browser too old for `::details-content` prints the chart.
  if (chart.size) {
    return html`<div class="chart-block">
<figure class="chart">
${picture(chart)}
<figcaption>${chart.caption}</figcaption>
</figure>
<details class="chart-data map-table">
<summary>${T.chart.showTable(chart.title)}</summary>
<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">
${table(chart, id)}
</div>
</details>
</div>`;
  }
  return html`<div class="chart-block">
<figure class="chart">
${picture(chart)}
<figcaption>${chart.caption}</figcaption>
</figure>
<details class="chart-data">
<summary>${T.chart.showTable(chart.title)}</summary>
<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">
${table(chart, id)}
</div>
</details>
<div class="print-only">
${table(chart, null)}
</div>
</div>`;
}
