/**
 * One map as the page shows it: a `<figure>` with the SVG, its legend (swatches with words) and a
 * caption, then the same numbers as a real table — in a `<details>` on screen and once more for print,
 * as chart-figure.ts does for the charts.
 */
import type { Verdict } from "../model/indicators.ts";
import { capitalise, formatNumber } from "./format-sv.ts";
import { html, type SafeHtml } from "./html.ts";
import type { AreaFigure, GroupMapData, TrendMapData } from "./map-data.ts";
import type { MapGeometry } from "./map-geometry.ts";
import { BOUNDARY, valueScale } from "./map-scale.ts";
import { FILL, mapSvg, type MapArea } from "./map-svg.ts";
import { fewerThan, MAP, VERDICT } from "./wording.ts";

export interface MapContext {
  /** "oktober 2026". */
  monthText: string;
  minCount: number;
  /** Ids of the areas that have a polygon. */
  drawn: ReadonlySet<string>;
}

function swatch(fill: string): SafeHtml {
  return html`<svg class="map-swatch" width="22" height="16" aria-hidden="true" focusable="false"><rect x="1" y="1" width="20" height="14" fill="${fill}" stroke="${BOUNDARY}"/></svg>`;
}

function legend(items: ReadonlyArray<{ fill: string; text: string }>, heading: string): SafeHtml {
  return html`<div class="map-legend"><p class="map-legend-heading">${heading}</p>
<ul>${items.map((i) => html`<li>${swatch(i.fill)} ${i.text}</li>`)}</ul></div>`;
}

function tableBlock(id: string, title: string, head: string[], rows: ReadonlyArray<{ name: string; cells: string[] }>): SafeHtml {
  const table = (captionId: string | null) => html`<table class="figures">
<caption${captionId ? html` id="${captionId}"` : null}>${MAP.tableCaption(title)}</caption>
<thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>
${rows.map((r) => html`<tr><th scope="row">${r.name}</th>${r.cells.map((c) => html`<td class="num">${c}</td>`)}</tr>\n`)}</tbody>
</table>`;
  return html`<details class="chart-data">
<summary>${MAP.showTable(title)}</summary>
<div class="table-wrap" role="region" aria-labelledby="${`${id}-tabell`}" tabindex="0">
${table(`${id}-tabell`)}
</div>
</details>
<div class="print-only">
${table(null)}
</div>`;
}

/** The table's cells: a hidden or unavailable figure reads as in every other table of the report. */
const countText = (a: AreaFigure) =>
  a.state === "value" ? formatNumber(a.count!) : a.range !== null ? `${a.range.lo}–${a.range.hi}` : a.text;
const rateText = (a: AreaFigure) => {
  if (a.state === "value") return a.rate === null ? MAP.notAvailable : formatNumber(a.rate, 1);
  if (a.state === "hidden" && a.text !== countText(a)) return a.text;
  return a.state === "unavailable" ? MAP.notAvailable : MAP.hidden;
};

const areaName = (a: { id: string; name: string }, ctx: MapContext) => (ctx.drawn.has(a.id) ? a.name : `${a.name} (${MAP.notOnMap})`);

export function groupMapFigure(geometry: MapGeometry, data: GroupMapData, ctx: MapContext): SafeHtml {
  const decimals = data.unit === "rate" ? 1 : 0;
  const drawnFigures = data.areas.filter((a) => ctx.drawn.has(a.id));
  const scale = valueScale(drawnFigures.flatMap((a) => (a.mapped === null ? [] : [a.mapped])), decimals);
  const fillOf = (a: AreaFigure) => {
    if (a.mapped !== null) return scale.colourOf(a.mapped);
    // A published range (map-data.ts) is coloured only when all of it is ≥ k and in one class.
    const r = a.range;
    if (r !== null && r.lo >= ctx.minCount && scale.colourOf(r.mappedLo) === scale.colourOf(r.mappedHi)) return scale.colourOf(r.mappedLo);
    return a.state === "unavailable" ? FILL.unavailable : FILL.hidden;
  };
  const unit = data.unit === "rate" ? MAP.unitRate(data.measure) : MAP.unitCount(data.measure);
  const title = MAP.groupTitle(data.group.name, data.measure, ctx.monthText);
  const id = data.id;
  const svg = mapSvg(geometry, {
    id,
    title,
    description: MAP.groupDesc(unit, ctx.monthText, drawnFigures.map((a) => `${a.name} ${a.text}`).join("; ")),
    areas: drawnFigures.map((a): MapArea => ({ id: a.id, fill: fillOf(a), lines: [a.name, a.text] })),
  });
  const items = scale.colours.map((fill, i) => ({ fill, text: scale.labels[i]! }));
  if (drawnFigures.some((a) => fillOf(a) === FILL.hidden)) items.push({ fill: FILL.hidden, text: MAP.legendHidden(fewerThan(ctx.minCount)) });
  if (drawnFigures.some((a) => a.state === "unavailable")) items.push({ fill: FILL.unavailable, text: MAP.legendUnavailable });
  const rows = data.areas.map((a) => ({ name: areaName(a, ctx), cells: [countText(a), rateText(a)] }));
  return html`<div class="map-block">
<figure class="map-figure">
${svg}
${legend(items, `${MAP.legendHeading}: ${unit}`)}
<figcaption>${MAP.groupCaption(data.group.name, unit)}</figcaption>
</figure>
${tableBlock(id, title, [MAP.area, MAP.count(data.measure), MAP.rate], rows)}
</div>`;
}

export function trendMapFigure(geometry: MapGeometry, data: TrendMapData, ctx: MapContext): SafeHtml {
  const title = MAP.trendTitle(data.measure, ctx.monthText);
  const words = (v: Verdict | null) => (v === null ? MAP.trendHidden : VERDICT[v].words);
  const drawnAreas = data.areas.filter((a) => ctx.drawn.has(a.id));
  const svg = mapSvg(geometry, {
    id: data.id,
    title,
    description: MAP.trendDesc(data.measure, ctx.monthText, drawnAreas.map((a) => `${a.name} ${words(a.verdict)}`).join("; ")),
    areas: drawnAreas.map((a): MapArea => ({
      id: a.id,
      fill: a.verdict === null ? FILL.hidden : FILL.verdict[a.verdict],
      lines: [a.name, a.verdict === null ? MAP.trendHidden : MAP.verdictShort[a.verdict]],
    })),
  });
  const verdicts = (Object.keys(VERDICT) as Verdict[]).filter((v) => drawnAreas.some((a) => a.verdict === v));
  const items = verdicts.map((v) => ({ fill: FILL.verdict[v], text: `${VERDICT[v].symbol} ${capitalise(VERDICT[v].words)}` }));
  if (drawnAreas.some((a) => a.verdict === null)) items.push({ fill: FILL.hidden, text: MAP.legendTrendHidden });
  const rows = data.areas.map((a) => ({ name: areaName(a, ctx), cells: [a.verdict === null ? MAP.trendHidden : `${VERDICT[a.verdict].symbol} ${VERDICT[a.verdict].words}`] }));
  return html`<div class="map-block">
<figure class="map-figure">
${svg}
${legend(items, MAP.legendHeading)}
<figcaption>${MAP.trendCaption(data.measure)}</figcaption>
</figure>
${tableBlock(data.id, title, [MAP.area, MAP.trend], rows)}
</div>`;
}
