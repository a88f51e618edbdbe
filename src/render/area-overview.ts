/**
 * The month page's one table of all areas when the areas have pages of their own (issue 20): a row per
 * area, its name a link to the area's page, and per measure the total per 100 000 inhabitants over the
 * latest 12 months, its change against the 12 months before, and the month's trend verdict. The kommun's
 * row comes first for comparison, Okänt område last. Hidden and unavailable values read as in every other
 * table ("färre än k", "döljs", "uppgift saknas"), through the same cell helpers.
 */
import type { AreaEntry, IncidentEntry, Indicators } from "../model/indicators.ts";
import type { Config } from "../config/load-config.ts";
import { inMeasureOrder, isTotalId, type Measure } from "../core/measure.ts";
import { percentCell, rateCell } from "./_cells.ts";
import { areaPagePath } from "./area-pages.ts";
import { formatMonth } from "./format-sv.ts";
import { html, type SafeHtml } from "./html.ts";
import { trendCell } from "./incident-table.ts";
import { AREA_PAGES, MEASURE, T } from "./wording.ts";

const CAPTION_ID = "alla-omraden";

function total(area: AreaEntry, measure: Measure): IncidentEntry | undefined {
  return area.incidents.find((e) => isTotalId(e.category) && e.measure === measure);
}

function cells(area: AreaEntry, e: IncidentEntry | undefined): SafeHtml {
  if (e === undefined) return html`<td>${T.notAvailable}</td><td>${T.notAvailable}</td><td>${T.notAvailable}</td>`;
  const r = e.rolling_12m;
  const now = { value: r.count, hidden: r.count_suppressed };
  const before = { value: r.previous, hidden: r.previous_suppressed };
  return html`<td class="num">${rateCell(r.per_100k, [now], area.population)}</td><td class="num">${percentCell(r.change_pct, [now, before])}</td>${trendCell(e)}`;
}

function row(area: AreaEntry, measures: Measure[]): SafeHtml {
  const name =
    area.id === "kommun"
      ? html`<a href="#hela-kommunen">${T.sections.kommun}</a>`
      : html`<a href="${areaPagePath(area.id)}">${area.name}</a>`;
  return html`<tr${area.id === "kommun" ? html` class="total"` : null}><th scope="row">${name}</th>${measures.map((m) => cells(area, total(area, m)))}</tr>\n`;
}

/** The table, or null when no area has a total to show. */
export function areaOverview(ind: Indicators, config: Config): SafeHtml | null {
  const measures = inMeasureOrder(ind.areas.flatMap((a) => a.incidents.filter((e) => isTotalId(e.category)).map((e) => e.measure)));
  if (measures.length === 0) return null;
  const monthText = formatMonth(ind.month);
  return html`<div class="table-wrap" role="region" aria-labelledby="${CAPTION_ID}" tabindex="0">
<table class="figures area-overview">
<caption id="${CAPTION_ID}">${AREA_PAGES.overviewCaption(monthText)}</caption>
<thead>
<tr><td></td>${measures.map((m) => html`<th scope="colgroup" colspan="3">${MEASURE[m].title}</th>`)}</tr>
<tr><th scope="col">${AREA_PAGES.areaColumn}</th>${measures.map(
    () => html`<th scope="col">${AREA_PAGES.rateColumn}</th><th scope="col">${AREA_PAGES.changeColumn}</th><th scope="col">${AREA_PAGES.trendColumn(monthText)}</th>`,
  )}</tr>
</thead>
<tbody>
${ind.areas.map((a) => row(a, measures))}
</tbody>
</table>
</div>
<p class="table-note">${AREA_PAGES.overviewNote} ${T.table.hiddenNote(config.suppression.min_count)}</p>`;
}
