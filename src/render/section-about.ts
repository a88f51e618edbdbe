/**
 * Section 7, Om statistiken: where the figures come from (each source's coverage and row accounting:
 * read = accepted + ignored + rejected), what they mean, the trend test and the suppression rule in
 * plain words, the coverage notes, and when the report was made.
 */
import type { Indicators } from "../model/indicators.ts";
import { formatDate, formatMonth, formatNumber } from "./format-sv.ts";
import { html, type SafeHtml } from "./html.ts";
import { revisionNotesHtml } from "./revision-notes.ts";
import type { Section } from "./section-types.ts";
import type { Config } from "../config/load-config.ts";
import { inMeasureOrder, sourceMeasure } from "../core/measure.ts";
import { ABOUT, SOURCE_KIND, T, VERDICT, fewerThan, reasonText } from "./wording.ts";

type Source = Indicators["sources"][number];

function reasons(byReason: Record<string, number>): SafeHtml | null {
  const entries = Object.entries(byReason);
  if (entries.length === 0) return null;
  return html`<ul class="reasons">${entries.map(([r, n]) => html`<li>${reasonText(r)}: ${formatNumber(n)}</li>`)}</ul>`;
}

function coverage(s: Source): string {
  const { from, to, gaps } = s.covers;
  if (from && to && gaps !== undefined && gaps.length > 0) return ABOUT.coversWithGaps(formatMonth(from), formatMonth(to), gaps.map(formatMonth));
  if (from && to) return ABOUT.covers(formatMonth(from), formatMonth(to));
  if (from) return ABOUT.coversFrom(formatMonth(from));
  if (to) return ABOUT.coversTo(formatMonth(to));
  return ABOUT.coversUnknown;
}

/** "händelser: polisanmälda brott" for an incident source (what it counts), the kind for the others. */
function sourceKind(s: Source, config: Config): string {
  const kind = SOURCE_KIND[s.kind] ?? s.kind;
  const configured = config.sources.find((c) => c.id === s.id);
  return configured?.kind === "incidents" ? ABOUT.sourceMeasure(kind, sourceMeasure(configured)) : kind;
}

function sourceBlock(s: Source, config: Config): SafeHtml {
  const id = `kalla-${s.id}`;
  return html`<h4>${ABOUT.sourceHeading(s.id, sourceKind(s, config))}</h4>
<p>${coverage(s)}</p>
${s.files.length === 0
  ? html`<p>${ABOUT.noFiles}</p>`
  : html`<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">
<table class="figures">
<caption id="${id}">${ABOUT.filesCaption(s.id)}</caption>
<thead><tr><th scope="col">${ABOUT.file}</th><th scope="col">${ABOUT.read}</th><th scope="col">${ABOUT.accepted}</th><th scope="col">${ABOUT.ignored}</th><th scope="col">${ABOUT.rejected}</th></tr></thead>
<tbody>
${s.files.map(
  (f) => html`<tr><th scope="row"><code>${f.path}</code>${reasons(f.ignored_by_reason) ? html`<br><span class="reason-head">${ABOUT.ignoredWhy}</span>${reasons(f.ignored_by_reason)}` : null}${reasons(f.rejected_by_reason) ? html`<span class="reason-head">${ABOUT.rejectedWhy}</span>${reasons(f.rejected_by_reason)}` : null}</th>
<td class="num">${formatNumber(f.rows_read)}</td><td class="num">${formatNumber(f.rows_accepted)}</td><td class="num">${formatNumber(f.rows_ignored)}</td><td class="num">${formatNumber(f.rows_rejected)}</td></tr>
`,
)}
</tbody>
</table>
</div>`}`;
}

export const aboutSection: Section = {
  id: "om-statistiken",
  title: T.sections.about,
  render: ({ ind, config, notes, revisions }) => {
    const k = config.suppression.min_count;
    // The measures the figures use, each defined, and (with several) why they are never added.
    const measures = inMeasureOrder(ind.areas.flatMap((a) => a.incidents.map((e) => e.measure)));
    const definitions = [
      ...measures.map((m) => ABOUT.measureDefinitions[m]),
      ...(measures.length > 1 ? [ABOUT.neverAdded] : []),
      ...ABOUT.definitions,
    ];
    return html`<h3>${ABOUT.sourcesHeading}</h3>
${ind.sources.map((s) => sourceBlock(s, config))}
${notes.length > 0 ? html`<h3>${ABOUT.notesHeading}</h3>\n<ul>${notes.map((n) => html`<li>${n}</li>`)}</ul>` : null}
<h3>${ABOUT.definitionsHeading}</h3>
<dl class="definitions">
${definitions.map(([term, text]) => html`<dt>${term}</dt><dd>${text}</dd>\n`)}
</dl>
<h3>${ABOUT.trendHeading}</h3>
${ABOUT.trendText.map((p) => html`<p>${p}</p>\n`)}
<ul class="verdicts">${(["increase", "decrease", "normal", "insufficient_history"] as const).map(
      (v) => html`<li><span aria-hidden="true">${VERDICT[v].symbol}</span> ${VERDICT[v].words}: ${ABOUT.verdictMeaning[v]}</li>`,
    )}</ul>
<h3>${ABOUT.suppressionHeading}</h3>
<p>${k > 1 ? ABOUT.suppressionText(k, fewerThan(k), config.suppression.applies_to === "all") : ABOUT.noSuppression}</p>
${revisionNotesHtml(revisions ?? [])}
<h3>${ABOUT.generatedHeading}</h3>
<p>${T.generated(formatDate(ind.generated_at), ind.revision)}</p>`;
  },
};
