/**
 * Section 1, Sammanfattning: the sentences of `summary-text.ts` as one paragraph each. When the areas
 * have pages of their own (issue 20), every area a sentence names links to its page, and the sentence on
 * the changes not told one by one names their areas (linked) instead of pointing to tables below.
 */
import type { AreaEntry } from "../model/indicators.ts";
import { areaPhrase } from "./area-phrase.ts";
import { areaPagePath } from "./area-pages.ts";
import { html, joinHtml, type SafeHtml } from "./html.ts";
import type { Section } from "./section-types.ts";
import { summaryItems, type SummaryItem } from "./summary-text.ts";
import { AREA_PAGES, T } from "./wording.ts";
import { formatNumber } from "./format-sv.ts";

/** An area's name as a link to its page; the kommun (which has no area page) to its section. */
export function areaLink(area: Pick<AreaEntry, "id" | "name">): SafeHtml {
  if (area.id === "kommun") return html`<a href="#hela-kommunen">${T.area.kommunIn.replace(/^i /, "")}</a>`;
  return html`<a href="${areaPagePath(area.id)}">${area.name}</a>`;
}

/** "A, B och C", each linked. */
function areaList(areas: ReadonlyArray<AreaEntry>): SafeHtml {
  const links = areas.map((a) => areaLink(a));
  return links.length <= 1 ? joinHtml(links) : html`${joinHtml(links.slice(0, -1), ", ")} och ${links.at(-1)}`;
}

/** A sentence with its area linked: the area phrase ("i Centrum") is found after the category's name. */
function linkedChange(text: string, area: AreaEntry): SafeHtml {
  if (area.id === "kommun") return html`${text}`;
  const phrase = areaPhrase(area);
  const at = text.indexOf(phrase);
  if (at < 0) return html`${text}`;
  const name = area.id === "okant" ? phrase : phrase.slice(phrase.length - area.name.length);
  const lead = phrase.slice(0, phrase.length - name.length);
  return html`${text.slice(0, at)}${lead}<a href="${areaPagePath(area.id)}">${name}</a>${text.slice(at + phrase.length)}`;
}

function paragraph(item: SummaryItem, linked: boolean): SafeHtml {
  if (!linked || item.kind === "text") return html`<p>${item.text}</p>\n`;
  if (item.kind === "change") return html`<p>${linkedChange(item.text, item.area)}</p>\n`;
  return html`<p>${AREA_PAGES.moreChanges(formatNumber(item.count), item.count === 1)}${areaList(item.areas)}.</p>\n`;
}

export const summarySection: Section = {
  id: "sammanfattning",
  lead: true,
  title: T.sections.summary,
  render: ({ ind, areaPages }) => html`<div class="summary">${summaryItems(ind).map((s) => paragraph(s, areaPages === true))}</div>`,
};
