/**
 * One chart in the page: the PNG in a `<figure>` with its alt text and caption, and the same numbers as
 * a real table (caption, header cells with scope) in a `<details>` right after it, so the figures are
 * there for screen readers, for copying and for anyone who cannot read the chart.
 */
import type { ChartImage } from "./charts.ts";
import { CHART_HEIGHT, CHART_WIDTH } from "./charts.ts";
import { html, type SafeHtml } from "./html.ts";
import { T } from "./wording.ts";

export function chartFigure(chart: ChartImage): SafeHtml {
  const t = chart.table;
  const id = `data-${chart.file.replace(/^charts\//, "").replace(/\.png$/, "")}`;
  return html`<div class="chart-block">
<figure class="chart">
<img src="${chart.file}" alt="${chart.alt}" width="${CHART_WIDTH}" height="${CHART_HEIGHT}">
<figcaption>${chart.caption}</figcaption>
</figure>
<details class="chart-data">
<summary>${T.chart.showTable(chart.title)}</summary>
<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">
<table class="figures">
<caption id="${id}">${t.caption}</caption>
<thead><tr><th scope="col">${T.chart.monthColumn}</th>${t.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>
${t.rows.map((r) => html`<tr><th scope="row">${r.month}</th>${r.cells.map((c) => html`<td class="num">${c}</td>`)}</tr>\n`)}
</tbody>
</table>
</div>
</details>
</div>`;
}
