/**
 * Section 3, Per område: for each area (config order, Okänt område last, as in the indicators) the same
 * table as for the kommun and a 24-month chart of all categories. Suppressed counts read "färre än k".
 * With `areas_geojson` in the config, the maps (area-maps.ts) come first.
 */
import { areaMaps } from "./area-maps.ts";
import { chartFigure } from "./chart-figure.ts";
import { html } from "./html.ts";
import { incidentTable } from "./incident-table.ts";
import type { Section } from "./section-types.ts";
import { T } from "./wording.ts";

export const areasSection: Section = {
  id: "per-omrade",
  title: T.sections.areas,
  render: (view) => {
    const { ind, config, charts } = view;
    const areas = ind.areas.filter((a) => a.id !== "kommun");
    if (areas.length === 0) return null;
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
