/**
 * One map as the page shows it: a `<figure>` whose caption comes first as the map's visible title (the
 * group and what is counted, issue 16), then the SVG, then the same numbers as a real table in a
 * `<details>`, opened for print. The maps of one
 * measure share one colour scale and one legend (`mapSetScale`, `mapSetLegend`), drawn once above them.
 */
import { VerdictSchema, type Verdict } from "../model/indicators.ts";
import { capitalise, formatNumber } from "./format-sv.ts";
import { html, type SafeHtml } from "./html.ts";
import type { AreaFigure, GroupMapData, TrendMapData } from "./map-data.ts";
import type { MapGeometry } from "./map-geometry.ts";
import { BOUNDARY, valueScale, type ValueScale } from "./map-scale.ts";
import { FILL, mapSvg, type MapArea } from "./map-svg.ts";
import { fewerThan, MAP, VERDICT } from "./wording.ts";
import { at, present } from "../core/checked.ts";

export interface MapContext {
  /** "oktober 2026". */
  monthText: string;
  /** The 12 months the rates count: "november 2025–oktober 2026". */
  periodText: string;
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

/**
 * The map's numbers as one table in a `<details>` (class `map-table`). Unlike a chart's table it has no
 * second, print-only copy: at 312 areas the eight maps' doubled tables were a fifth of the month page
 * (issue 20). Print opens the `<details>` instead (style.css, `::details-content`); a browser too old for
 * that prints the map, whose labels and description carry the same figures.
 */
function tableBlock(id: string, title: string, head: string[], rows: ReadonlyArray<{ name: string; cells: string[] }>): SafeHtml {
  const captionId = `${id}-tabell`;
  return html`<details class="chart-data map-table">
<summary>${MAP.showTable(title)}</summary>
<div class="table-wrap" role="region" aria-labelledby="${captionId}" tabindex="0">
<table class="figures">
<caption id="${captionId}">${MAP.tableCaption(title)}</caption>
<thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>
${rows.map((r) => html`<tr><th scope="row">${r.name}</th>${r.cells.map((c) => html`<td class="num">${c}</td>`)}</tr>\n`)}</tbody>
</table>
</div>
</details>`;
}

/** The table's cells: a hidden or unavailable figure reads as in every other table of the report. */
const countText = (a: AreaFigure) =>
  a.state === "value" ? formatNumber(present(a.count, "the count of a figure with a value")) : a.range !== null ? `${a.range.lo}–${a.range.hi}` : a.text;
const rateText = (a: AreaFigure) => {
  if (a.state === "value") return a.rate === null ? MAP.notAvailable : formatNumber(a.rate, 1);
  if (a.state === "hidden" && a.text !== countText(a)) return a.text;
  return a.state === "unavailable" ? MAP.notAvailable : MAP.hidden;
};

const areaName = (a: { id: string; name: string }, ctx: MapContext) => (ctx.drawn.has(a.id) ? a.name : `${a.name} (${MAP.notOnMap})`);

/**
 * The one colour scale of a set of maps: class limits from every drawn area's figure on every map of
 * the set (map-scale.ts), a published range by both its ends, so a colour means the same number on
 * each map.
 */
export function mapSetScale(set: ReadonlyArray<GroupMapData>, ctx: MapContext): ValueScale {
  const decimals = set[0]?.unit === "rate" ? 1 : 0;
  const values = set.flatMap((d) =>
    d.areas.filter((a) => ctx.drawn.has(a.id)).flatMap((a) => (a.mapped !== null ? [a.mapped] : a.range !== null ? [a.range.mappedLo, a.range.mappedHi] : [])),
  );
  return valueScale(values, decimals);
}

function fillFor(a: AreaFigure, scale: ValueScale, ctx: MapContext): string {
  if (a.mapped !== null) return scale.colourOf(a.mapped);
  // A published range (map-data.ts) is coloured only when all of it is ≥ k and in one class.
  const r = a.range;
  if (r !== null && r.lo >= ctx.minCount && scale.colourOf(r.mappedLo) === scale.colourOf(r.mappedHi)) return scale.colourOf(r.mappedLo);
  return a.state === "unavailable" ? FILL.unavailable : FILL.hidden;
}

/** The set's one legend: the classes, then hatching and white where any map of the set uses them. */
export function mapSetLegend(set: ReadonlyArray<GroupMapData>, scale: ValueScale, ctx: MapContext): SafeHtml {
  const drawn = set.flatMap((d) => d.areas.filter((a) => ctx.drawn.has(a.id)));
  // valueScale gives one label per colour.
  const items = scale.colours.map((fill, i) => ({ fill, text: at(scale.labels, i) }));
  if (drawn.some((a) => fillFor(a, scale, ctx) === FILL.hidden)) items.push({ fill: FILL.hidden, text: MAP.legendHidden(fewerThan(ctx.minCount)) });
  if (drawn.some((a) => a.state === "unavailable")) items.push({ fill: FILL.unavailable, text: MAP.legendUnavailable });
  // A set holds the maps of one measure, at least one (area-maps.ts groups them).
  const { measure, unit } = at(set, 0);
  return legend(items, `${MAP.legendHeading}: ${unit === "rate" ? MAP.unitRate(measure) : MAP.unitCount(measure)}`);
}

export function groupMapFigure(geometry: MapGeometry, data: GroupMapData, ctx: MapContext, scale: ValueScale): SafeHtml {
  const drawnFigures = data.areas.filter((a) => ctx.drawn.has(a.id));
  const unit = data.unit === "rate" ? MAP.unitRate(data.measure) : MAP.unitCount(data.measure);
  const title = MAP.groupTitle(data.group.name, unit, ctx.periodText);
  const id = data.id;
  const svg = mapSvg(geometry, {
    id,
    title,
    description: MAP.groupDesc(unit, ctx.periodText, drawnFigures.map((a) => `${a.name} ${a.text}`).join("; ")),
    areas: drawnFigures.map((a): MapArea => ({ id: a.id, fill: fillFor(a, scale, ctx), lines: [a.name, a.text] })),
  });
  const rows = data.areas.map((a) => ({ name: areaName(a, ctx), cells: [countText(a), rateText(a)] }));
  return html`<div class="map-block">
<figure class="map-figure">
<figcaption><span class="map-title">${data.group.name}</span> <span class="map-subtitle">${MAP.groupSubtitle(unit, ctx.periodText)}</span></figcaption>
${svg}
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
  const verdicts = VerdictSchema.options.filter((v) => drawnAreas.some((a) => a.verdict === v));
  const items = verdicts.map((v) => ({ fill: FILL.verdict[v], text: `${VERDICT[v].symbol} ${capitalise(VERDICT[v].words)}` }));
  if (drawnAreas.some((a) => a.verdict === null)) items.push({ fill: FILL.hidden, text: MAP.legendTrendHidden });
  const rows = data.areas.map((a) => ({ name: areaName(a, ctx), cells: [a.verdict === null ? MAP.trendHidden : `${VERDICT[a.verdict].symbol} ${VERDICT[a.verdict].words}`] }));
  return html`<div class="map-block">
<figure class="map-figure">
<figcaption><span class="map-title">${MAP.trendHeading(data.measure)}</span> <span class="map-subtitle">${MAP.trendCaption(data.measure)}</span></figcaption>
${svg}
${legend(items, MAP.legendHeading)}
</figure>
${tableBlock(data.id, title, [MAP.area, MAP.trend], rows)}
</div>`;
}
