/** Section 1, Sammanfattning: the sentences of `summary-text.ts` as one paragraph each. */
import { html } from "./html.ts";
import type { Section } from "./section-types.ts";
import { summarySentences } from "./summary-text.ts";
import { T } from "./wording.ts";

export const summarySection: Section = {
  id: "sammanfattning",
  lead: true,
  title: T.sections.summary,
  render: ({ ind }) => html`<div class="summary">${summarySentences(ind).map((s) => html`<p>${s}</p>\n`)}</div>`,
};
