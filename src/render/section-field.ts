/**
 * Section 4, Fältrapporter: hours in the field and shifts per area, the kommun's observations as raw
 * counts beside their rate per 10 hours in the field (this month and the same month last year), the
 * observations per area, and the activities. Left out when the config has no field-report source
 * (no area entry carries `field`).
 */
import type { AreaEntry, FieldFigures } from "../model/indicators.ts";
import { addMonths } from "../core/month.ts";
import { formatMonth, formatNumber } from "./format-sv.ts";
import { html, type SafeHtml } from "./html.ts";
import type { Section } from "./section-types.ts";
import { areaPhrase } from "./area-phrase.ts";
import { ACTIVITY_NAMES, AREA_PAGES, FIELD, OBSERVATION_NAMES, idName } from "./wording.ts";

type WithField = AreaEntry & { field: FieldFigures };

const rate = (v: number | null) => (v === null ? FIELD.noHours : formatNumber(v, 1));

function scrollTable(id: string, caption: string, head: SafeHtml, body: SafeHtml[]): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">
<table class="figures">
<caption id="${id}">${caption}</caption>
<thead>${head}</thead>
<tbody>
${body}
</tbody>
</table>
</div>`;
}

function hoursTable(areas: WithField[], month: string): SafeHtml {
  return scrollTable(
    "falt-timmar",
    FIELD.hoursCaption(formatMonth(month)),
    html`<tr><th scope="col">${FIELD.area}</th><th scope="col">${FIELD.hours}</th><th scope="col">${FIELD.shifts}</th></tr>`,
    areas.map(
      (a) => html`<tr${a.id === "kommun" ? html` class="total"` : null}><th scope="row">${a.name}</th><td class="num">${formatNumber(a.field.hours, a.field.hours % 1 === 0 ? 0 : 1)}</td><td class="num">${formatNumber(a.field.shifts)}</td></tr>\n`,
    ),
  );
}

function observationTable(area: WithField, month: string, where = "i hela kommunen"): SafeHtml {
  return scrollTable(
    "falt-observationer",
    FIELD.obsCaption(where, formatMonth(month)),
    html`<tr><th scope="col">${FIELD.observation}</th><th scope="col">${FIELD.count}</th><th scope="col">${FIELD.per10h}</th><th scope="col">${FIELD.lastYearPer10h(formatMonth(addMonths(month, -12)))}</th></tr>`,
    area.field.observations.map(
      (o) => html`<tr><th scope="row">${idName(OBSERVATION_NAMES, o.type)}</th><td class="num">${formatNumber(o.count)}</td><td class="num">${rate(o.per_10h)}</td><td class="num">${rate(o.same_month_last_year_per_10h)}</td></tr>\n`,
    ),
  );
}

function perAreaTable(areas: WithField[], month: string): SafeHtml {
  const types = areas[0]?.field.observations.map((o) => o.type) ?? [];
  return scrollTable(
    "falt-omraden",
    FIELD.perAreaCaption(formatMonth(month)),
    html`<tr><th scope="col">${FIELD.area}</th>${types.map((t) => html`<th scope="col">${idName(OBSERVATION_NAMES, t)}</th>`)}</tr>`,
    areas.map(
      (a) => html`<tr><th scope="row">${a.name}</th>${a.field.observations.map(
        (o) => html`<td class="num">${FIELD.cell(formatNumber(o.count), o.per_10h === null ? null : formatNumber(o.per_10h, 1))}</td>`,
      )}</tr>\n`,
    ),
  );
}

function activities(kommun: WithField, month: string): SafeHtml {
  const done = kommun.field.activities.filter((a) => a.count > 0);
  if (done.length === 0) return html`<p>${FIELD.noActivities}</p>`;
  return html`<p>${FIELD.activitiesIntro(formatMonth(month))}</p>
<ul class="activities">${done.map((a) => html`<li>${idName(ACTIVITY_NAMES, a.activity)}: ${formatNumber(a.count)}</li>`)}</ul>`;
}

/**
 * One area's field figures on its own page (issue 20): its hours and shifts, and its observations as
 * counts and per 10 hours; null when the config has no field-report source or the month has no report.
 */
export function areaFieldFigures(ind: { month: string; areas: AreaEntry[] }, area: AreaEntry): SafeHtml | null {
  const kommun = ind.areas.find((a) => a.id === "kommun");
  if (area.field === undefined || kommun?.field === undefined) return null;
  const withField: WithField = { ...area, field: area.field };
  if (kommun.field.shifts === 0) return html`<p>${FIELD.intro}</p>\n<p>${FIELD.noData}</p>`;
  return html`<p>${FIELD.intro}</p>
${hoursTable([withField], ind.month)}
${withField.field.observations.length > 0 ? observationTable(withField, ind.month, areaPhrase(area)) : null}`;
}

export const fieldSection: Section = {
  id: "faltrapporter",
  title: FIELD.title,
  render: ({ ind, areaPages }) => {
    // With area pages the month page shows the kommun's figures; each area's are on its page.
    const areas = ind.areas.filter((a): a is WithField => a.field !== undefined && (areaPages !== true || a.id === "kommun"));
    const kommun = areas.find((a) => a.id === "kommun");
    if (kommun === undefined) return null;
    if (kommun.field.shifts === 0) return html`<p>${FIELD.intro}</p>\n<p>${FIELD.noData}</p>`;
    const parts = areas.filter((a) => a.id !== "kommun");
    return html`<p>${FIELD.intro}</p>
${areaPages === true ? html`<p>${AREA_PAGES.perAreaElsewhere}</p>` : null}
${hoursTable(areas, ind.month)}
${kommun.field.observations.length > 0 ? observationTable(kommun, ind.month) : null}
${parts.length > 0 && kommun.field.observations.length > 0 ? html`<h3>${FIELD.perAreaHeading}</h3>\n${perAreaTable(parts, ind.month)}` : null}
<h3>${FIELD.activitiesHeading}</h3>
${activities(kommun, ind.month)}`;
  },
};
