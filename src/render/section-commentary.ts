/**
 * Section 5b, Analys och kommentarer: the analysts' own text for the month (`output.commentary`),
 * rendered by `commentary-markdown.ts`. The law asks for an analysis; the tool supplies the figures,
 * people supply the judgement. Left out when there is no commentary for the month.
 */
import { commentaryHtml } from "./commentary-markdown.ts";
import { html } from "./html.ts";
import type { Section } from "./section-types.ts";
import { COMMENTARY } from "./wording.ts";

export const commentarySection: Section = {
  id: "analys",
  lead: true,
  title: COMMENTARY.title,
  render: ({ commentary }) => {
    const body = commentary ? commentaryHtml(commentary) : null;
    return body === null ? null : html`<p class="table-note">${COMMENTARY.note}</p>
<div class="commentary">
${body}</div>`;
  },
};
