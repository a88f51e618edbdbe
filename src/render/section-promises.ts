/**
 * Section 6, Medborgarlöften och åtgärder: each promise with its text, target, how many are done, the
 * status in words with a symbol, and a progress bar whose visible text ("1 av 2") says the same; then
 * the åtgärdsplan: each action with who is responsible, its status in words and since when, and a
 * count per status. Left out when there are neither promises nor actions sources.
 */
import type { ActionFigure, PromiseFigure } from "../model/indicators.ts";
import { formatDate, formatMonth, formatMonthRange, formatNumber } from "./format-sv.ts";
import { html, joinHtml, type SafeHtml } from "./html.ts";
import type { Section } from "./section-types.ts";
import { ACTION_STATUS, PROMISES, PROMISE_STATUS, PROMISE_SYMBOL, RESPONSIBLE } from "./wording.ts";

/**
 * Actions per status, for the plan's summary line: `{ genomford: 3, pagar: 5 }` in first-seen order
 * (aggregate/action-status.ts gives each action's latest status).
 */
export function actionCounts(actions: readonly ActionFigure[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of actions) out.set(a.status, (out.get(a.status) ?? 0) + 1);
  return out;
}

function promiseItem(p: PromiseFigure): SafeHtml {
  const status = PROMISE_STATUS[p.status];
  const shown = Math.min(p.done, p.target);
  return html`<li class="promise">
<p class="promise-text"><strong>${p.text}</strong></p>
<p>${PROMISES.target(p.target, formatMonthRange(p.period.from, p.period.to))}</p>
<p class="progress-line"><progress max="${p.target}" value="${shown}" aria-label="${PROMISES.doneLabel(p.done, p.target)}"></progress> <span class="progress-text">${PROMISES.done(p.done, p.target)}</span></p>
<p>${PROMISES.status} <span class="${`promise-status status-${p.status}`}"><span aria-hidden="true">${PROMISE_SYMBOL[p.status]}</span> ${status.one}</span>.${
    p.status === "i_fas" || p.status === "efter_plan" ? html` ${PROMISES.expected(formatNumber(p.expected_by_now, p.expected_by_now % 1 === 0 ? 0 : 1))}` : null
  }</p>
</li>`;
}

function statusText(status: string): { words: string; symbol: string } {
  const s = ACTION_STATUS[status];
  return s ? { words: s.one, symbol: s.symbol } : { words: status, symbol: "" };
}

function actionsBlock(actions: ActionFigure[], month: string): SafeHtml {
  if (actions.length === 0) return html`<p>${PROMISES.noActions}</p>`;
  const counts = [...actionCounts(actions)].map(([status, n]) => {
    const s = ACTION_STATUS[status];
    return `${formatNumber(n)} ${s ? (n === 1 ? s.one : s.many) : status}`;
  });
  return html`<p>${PROMISES.actionsIntro}</p>
<p>${PROMISES.countsIntro(actions.length)} ${joinHtml(counts, ", ")}.</p>
<div class="table-wrap" role="region" aria-labelledby="atgarder-tabell" tabindex="0">
<table class="figures">
<caption id="atgarder-tabell">${PROMISES.actionsCaption(formatMonth(month))}</caption>
<thead><tr><th scope="col">${PROMISES.action}</th><th scope="col">${PROMISES.responsible}</th><th scope="col">${PROMISES.actionStatus}</th><th scope="col">${PROMISES.since}</th><th scope="col">${PROMISES.comment}</th></tr></thead>
<tbody>
${actions.map((a) => {
  const s = statusText(a.status);
  return html`<tr><th scope="row">${a.action}</th><td>${RESPONSIBLE[a.responsible.toLowerCase()] ?? a.responsible}</td><td class="${`action-status status-${a.status}`}">${s.symbol ? html`<span aria-hidden="true">${s.symbol}</span> ` : null}${s.words}</td><td>${formatDate(a.since)}</td><td>${a.comment ?? ""}</td></tr>\n`;
})}
</tbody>
</table>
</div>`;
}

export const promisesSection: Section = {
  id: "medborgarloften",
  title: PROMISES.title,
  render: ({ ind, config }) => {
    const hasActions = config.sources.some((s) => s.kind === "actions");
    if (ind.promises.length === 0 && !hasActions) return null;
    return html`<h3>${PROMISES.promisesHeading}</h3>
${ind.promises.length > 0 ? html`<p>${PROMISES.promisesIntro}</p>\n<ul class="promises">${ind.promises.map(promiseItem)}</ul>` : html`<p>${PROMISES.noPromises}</p>`}
${hasActions ? html`<h3>${PROMISES.actionsHeading}</h3>\n${actionsBlock(ind.actions, ind.month)}` : null}`;
  },
};
