/**
 * The maps block of section 3, Per område: shown when the config has `areas_geojson`. One choropleth
 * per category group (the rate per 100 000 over the last 12 months, as in the tables, or counts when a
 * population is missing) and one map of each area's trend verdict, drawn from the config's polygons and
 * the suppressed indicators only. The group maps come in one set per measure, each set under its own
 * heading with one shared colour scale and one legend (issue 16), laid out side by side where the
 * screen has room.
 */
import { addMonths } from "../core/month.ts";
import { inMeasureOrder } from "../core/measure.ts";
import { formatMonth, formatMonthRange } from "./format-sv.ts";
import { html, type SafeHtml } from "./html.ts";
import { groupMaps, trendMaps } from "./map-data.ts";
import { groupMapFigure, mapSetLegend, mapSetScale, trendMapFigure, type MapContext } from "./map-figure.ts";
import { mapGeometry } from "./map-geometry.ts";
import { mapDefs } from "./map-svg.ts";
import type { ReportView } from "./section-types.ts";
import { MAP } from "./wording.ts";
import { at } from "../core/checked.ts";

export function areaMaps(view: ReportView): SafeHtml | null {
  const areaMap = view.config.areaMap;
  if (areaMap === undefined || areaMap.shapes.length === 0) return null;
  const geometry = mapGeometry(areaMap);
  const ctx: MapContext = {
    monthText: formatMonth(view.ind.month),
    periodText: formatMonthRange(addMonths(view.ind.month, -11), view.ind.month),
    minCount: view.config.suppression.min_count,
    drawn: new Set(geometry.areas.map((a) => a.id)),
  };
  const groups = groupMaps(view.ind, view.config.groups, ctx.drawn, ctx.minCount);
  return html`<section class="maps" aria-labelledby="kartor">
<h3 id="kartor">${MAP.heading}</h3>
<p>${MAP.intro}</p>
${mapDefs(geometry)}
${inMeasureOrder(groups.map((g) => g.measure)).map((measure) => {
  const set = groups.filter((g) => g.measure === measure);
  const scale = mapSetScale(set, ctx);
  const id = `kartor-${measure}`;
  return html`<section class="map-set" aria-labelledby="${id}">
<h4 id="${id}">${MAP.setHeading(at(set, 0).unit === "rate" ? MAP.unitRate(measure) : MAP.unitCount(measure), ctx.periodText)}</h4>
${mapSetLegend(set, scale, ctx)}
<div class="map-grid">
${set.map((g) => groupMapFigure(geometry, g, ctx, scale))}
</div>
</section>`;
})}
<section class="map-set" aria-labelledby="kartor-trend">
<h4 id="kartor-trend">${MAP.trendSetHeading(ctx.monthText)}</h4>
<div class="map-grid">
${trendMaps(view.ind).map((t) => trendMapFigure(geometry, t, ctx))}
</div>
</section>
</section>`;
}
