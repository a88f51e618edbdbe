/**
 * The maps block of section 3, Per område: shown when the config has `areas_geojson`. One choropleth
 * per category group (the month's rate per 100 000, or counts when a population is missing) and one map
 * of each area's trend verdict, drawn from the config's polygons and the suppressed indicators only.
 */
import { formatMonth } from "./format-sv.ts";
import { html, type SafeHtml } from "./html.ts";
import { groupMaps, trendMaps } from "./map-data.ts";
import { groupMapFigure, trendMapFigure, type MapContext } from "./map-figure.ts";
import { mapGeometry } from "./map-geometry.ts";
import { mapDefs } from "./map-svg.ts";
import type { ReportView } from "./section-types.ts";
import { MAP } from "./wording.ts";

export function areaMaps(view: ReportView): SafeHtml | null {
  const areaMap = view.config.areaMap;
  if (areaMap === undefined || areaMap.shapes.length === 0) return null;
  const geometry = mapGeometry(areaMap);
  const ctx: MapContext = {
    monthText: formatMonth(view.ind.month),
    minCount: view.config.suppression.min_count,
    drawn: new Set(geometry.areas.map((a) => a.id)),
  };
  const groups = groupMaps(view.ind, view.config.groups, ctx.drawn, ctx.minCount);
  return html`<section class="maps" aria-labelledby="kartor">
<h3 id="kartor">${MAP.heading}</h3>
<p>${MAP.intro}</p>
${mapDefs(geometry)}
${groups.map((g) => groupMapFigure(geometry, g, ctx))}
${trendMaps(view.ind).map((t) => trendMapFigure(geometry, t, ctx))}
</section>`;
}
