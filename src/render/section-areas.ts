/**
 * Section 3, Per område: for each area (config order, Okänt område last, as in the indicators) the same
 * table as for the kommun and a 24-month chart of all categories. Suppressed counts read "färre än k".
 * With `areas_geojson` in the config, the maps (area-maps.ts) come first. When the areas have pages of
 * their own (area-pages.ts), the section is the maps and one table of all areas linking to their pages.
 */
import { areaMaps } from "./area-maps.ts";
import { areaOverview } from "./area-overview.ts";
import { chartFigure } from "./chart-figure.ts";
import { html } from "./html.ts";
import { incidentTable } from "./incident-table.ts";
import type { Section } from "./section-types.ts";
import { AREA_PAGES, T } from "./wording.ts";

export const areasSection: Section = {
  id: "per-omrade",
  title: T.sections.areas,
  render: (view) => {
    const { ind, config, charts } = view;
    const areas = ind.areas.filter((a) => a.id !== "kommun");
    if (areas.length === 0) return null;
    if (view.areaPages) {
      return html`<p>${AREA_PAGES.intro}</p>
${areaOverview(ind, config)}
${areaMaps(view)}`;
    }
    return html`<p>${T.area.intro}</p>
${areaMaps(view)}
${areas.map((area) => {
  const chart = charts.find((c) => c.placement.section === "area" && c.placement.area === area.id);
  return html`<section class="area" aria-labelledby="${`omrade-${area.id}`}">
<h3 id="${`omrade-${area.id}`}">${area.name}</h3>
${incidentTable(area, area.name, { month: ind.month, config, withReference: false })}
${chart ? chartFigure(chart) : null}
</section>
`;
})}`;
  },
};
