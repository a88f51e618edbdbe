/**
 * Section 2, Hela kommunen: the kommun's table (with the reference rates where the config has them),
 * then one 24-month chart per category group, each with its numbers as a table.
 */
import { chartFigure } from "./chart-figure.ts";
import { html } from "./html.ts";
import { incidentTable } from "./incident-table.ts";
import type { Section } from "./section-types.ts";
import { T } from "./wording.ts";

export const kommunSection: Section = {
  id: "hela-kommunen",
  title: T.sections.kommun,
  render: ({ ind, config, charts, kommun }) => {
    if (!kommun) return null;
    const groupCharts = config.groups.flatMap((g) => {
      // A group whose categories count different measures has one chart per measure (chart-data.ts).
      const groupCharts = charts.filter((c) => c.placement.section === "kommun" && c.placement.group === g.id);
      return groupCharts.length > 0 ? [html`<h3>${g.name}</h3>\n${groupCharts.map((c) => chartFigure(c))}`] : [];
    });
    return html`${incidentTable(kommun, "hela kommunen", { month: ind.month, config, withReference: config.reference.length > 0 })}
${groupCharts}`;
  },
};
