/**
 * The group's comparison page for one month, `jamforelse/<YYYY-MM>/index.html` (issue 18, item 3): each
 * kommun's measures over the last 12 months per 100 000 inhabitants, the change against the 12 months
 * before, the trend verdict and the latest survey index, each kommun linked to its report.
 *
 * Usable at 290 rows without JavaScript: the page comes in two server-rendered sort orders (by län and
 * name, grouped under a heading row per län when the group spans several; and highest rate first, in
 * `per-100k.html`), linked from each other, and its figures are also `jamforelse.csv`.
 */
import type { Config } from "../config/load-config.ts";
import { addMonths } from "../core/month.ts";
import { byLanAndName, byRate, type ComparisonCategory, type ComparisonRow, LAN_NAMES, type MeasureFigures } from "./comparison-rows.ts";
import { capitalise, formatMonth, formatMonthRange, formatNumber, formatPercentChange } from "./format-sv.ts";
import { html, type SafeHtml } from "./html.ts";
import { pageDocument } from "./layout.ts";
import { MEASURE, T, VERDICT } from "./wording.ts";
import { VerdictSchema } from "../model/indicators.ts";
import { COMPARISON as C } from "./comparison-wording.ts";

export type ComparisonOrder = "lan" | "rate";
export const COMPARISON_PAGES: Readonly<Record<ComparisonOrder, string>> = { lan: "index.html", rate: "per-100k.html" };
export const COMPARISON_CSV = "jamforelse.csv";

export interface ComparisonInput {
  month: string;
  title: string;
  groupName: string;
  rows: ReadonlyArray<ComparisonRow>;
  categories: ReadonlyArray<ComparisonCategory>;
  /** Config for the page shell (publisher, contact, base_url, title). */
  shell: Config;
}

const num = (v: number | null, decimals = 0) => (v === null ? T.notAvailable : formatNumber(v, decimals));

function verdictCell(verdict: string | null): SafeHtml {
  const parsed = VerdictSchema.safeParse(verdict);
  if (!parsed.success) return html`<td>${T.notAvailable}</td>`;
  const v = VERDICT[parsed.data];
  return html`<td class="${`trend ${v.className}`}"><span class="trend-symbol" aria-hidden="true">${v.symbol}</span> ${v.words}</td>`;
}

function measureCells(m: MeasureFigures | undefined): SafeHtml {
  if (m === undefined) return html`<td>${T.notAvailable}</td><td>${T.notAvailable}</td><td>${T.notAvailable}</td><td>${T.notAvailable}</td>`;
  return html`<td class="num">${num(m.count)}</td><td class="num">${num(m.per100k, 1)}</td><td class="num">${m.changePct === null ? T.notAvailable : formatPercentChange(m.changePct)}</td>${verdictCell(m.verdict)}`;
}

function surveyCell(r: ComparisonRow): SafeHtml {
  if (r.survey === null || r.survey.value === null) return html`<td class="num">${T.notAvailable}</td>`;
  const v = r.survey.versus;
  // Only a difference beyond both margins is named (aggregate/survey-reference.ts).
  const versus = v !== null && (v.verdict === "tryggare" || v.verdict === "otryggare") ? html`<br><span class="note">${C.versus(v.verdict, v.name)}</span>` : null;
  return html`<td class="num">${formatNumber(r.survey.value, 2)} <span class="note">(${r.survey.name}, ${String(r.survey.year)})</span>${versus}</td>`;
}

function kommunCell(r: ComparisonRow, month: string): SafeHtml {
  // The page lives in jamforelse/<month>/: a kommun's report is two folders up.
  const link = r.hasReport ? `../../${r.id}/${month}/index.html` : null;
  return html`<th scope="row">${link === null ? r.name : html`<a href="${link}">${r.name}</a>`}</th>`;
}

export function renderComparisonHtml(input: ComparisonInput, order: ComparisonOrder): string {
  const { month, rows } = input;
  const measures = [...new Set(rows.flatMap((r) => (r.measures ?? []).map((m) => m.measure)))];
  const lans = new Set(rows.map((r) => r.lan));
  const grouped = order === "lan" && lans.size > 1;
  const sorted = order === "lan" ? byLanAndName(rows) : byRate(rows);
  const window = formatMonthRange(addMonths(month, -11), month);
  // The survey column only when some kommun has a survey result.
  const surveyed = rows.some((r) => r.survey !== null);
  const cols = 2 + measures.length * 4 + (surveyed ? 1 : 0);
  const line = (r: ComparisonRow) =>
    r.measures === null
      ? html`<tr>${kommunCell(r, month)}<td colspan="${String(cols - 1)}">${C.noReport}</td></tr>`
      : html`<tr>${kommunCell(r, month)}<td class="num">${num(r.population)}</td>${measures.map((m) => measureCells(r.measures!.find((x) => x.measure === m)))}${surveyed ? surveyCell(r) : null}</tr>`;
  const body = grouped
    ? [...lans].sort().map((lan) => html`<tbody>
<tr class="group"><th scope="rowgroup" colspan="${String(cols)}">${LAN_NAMES[lan] ?? C.lanCode(lan)}</th></tr>
${sorted.filter((r) => r.lan === lan).map(line)}
</tbody>`)
    : html`<tbody>
${sorted.map(line)}
</tbody>`;
  const head = html`<thead>
<tr><th scope="col" rowspan="2">${C.kommun}</th><th scope="col" rowspan="2">${C.population}</th>${measures.map((m) => html`<th scope="colgroup" colspan="4">${MEASURE[m].title}, ${C.last12}</th>`)}${surveyed ? html`<th scope="col" rowspan="2">${C.survey}</th>` : null}</tr>
<tr>${measures.map(() => html`<th scope="col">${C.count}</th><th scope="col">${C.per100k}</th><th scope="col">${C.change}</th><th scope="col">${C.trend}</th>`)}</tr>
</thead>`;
  const sortNav = html`<nav aria-label="${C.sortLabel}"><p>${C.sortLabel}: ${(["lan", "rate"] as const).map((o, i) => html`${i > 0 ? " · " : null}${o === order ? html`<strong aria-current="page">${C.orders[o]}</strong>` : html`<a href="${COMPARISON_PAGES[o]}">${C.orders[o]}</a>`}`)}</p></nav>`;
  const categoryTable = input.categories.length === 0 ? null : html`<h2 id="per-kategori">${C.categoriesHeading}</h2>
<p>${C.categoriesIntro(window)}</p>
<div class="table-wrap" role="region" aria-labelledby="kategori-rubrik" tabindex="0">
<table class="figures comparison">
<caption id="kategori-rubrik">${C.categoriesCaption(window)}</caption>
<thead><tr><th scope="col">${C.kommun}</th>${input.categories.map((c) => html`<th scope="col">${c.name}</th>`)}</tr></thead>
<tbody>
${sorted.map((r) => html`<tr>${kommunCell(r, month)}${input.categories.map((c) => html`<td class="num">${r.measures === null ? T.notAvailable : num(r.categories[c.id] ?? null, 1)}</td>`)}</tr>`)}
</tbody>
</table>
</div>`;
  const main = html`<p>${C.intro(rows.length, window)}</p>
<p>${C.rateRule}</p>
${sortNav}
<div class="table-wrap" role="region" aria-labelledby="jamforelse-rubrik" tabindex="0">
<table class="figures comparison">
<caption id="jamforelse-rubrik">${C.caption(input.groupName, formatMonth(month), order === "rate")}</caption>
${head}
${body}
</table>
</div>
<p class="table-note">${C.note}</p>
${categoryTable}
<h2 id="oppna-data">${T.openData}</h2>
<ul><li><a href="${COMPARISON_CSV}">${C.csvLink}</a></li></ul>
<p><a href="../../index.html">${C.backToGroup}</a></p>`;
  const page = COMPARISON_PAGES[order];
  return pageDocument({
    title: `${input.title} – ${formatMonth(month)}`,
    root: "../../",
    path: `jamforelse/${month}/${page}`,
    header: html`<header class="site-header"><h1>${input.title} <span class="h1-month">${capitalise(formatMonth(month))}</span></h1></header>`,
    main,
    config: input.shell,
  });
}

/** The comparison's figures as open data: UTF-8 with BOM, `;`, CRLF, decimal comma (as indicators.csv). */
export function renderComparisonCsv(input: Omit<ComparisonInput, "title" | "shell">): string {
  const q = (s: string) => (/[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const n = (v: number | null | undefined, d = 0) => (v === null || v === undefined ? "" : v.toFixed(d).replace(".", ",").replace("-", "-"));
  const header = ["kommunkod", "kommun", "lan", "manad", "folkmangd", "matt", "antal_12_man", "per_100k_12_man", "forandring_procent", "trend", "trygghet_indikator", "trygghet_ar", "trygghet_varde",
    ...input.categories.map((c) => `per_100k_${c.id}`)];
  const lines = [header.join(";")];
  for (const r of byLanAndName(input.rows)) {
    const list = r.measures ?? [];
    for (const m of list.length > 0 ? list : [null]) {
      lines.push([
        r.code, q(r.name), q(LAN_NAMES[r.lan] ?? r.lan), input.month, n(r.population), m?.measure ?? "", n(m?.count), n(m?.per100k, 1), n(m?.changePct, 1), m?.verdict ?? "",
        q(r.survey?.name ?? ""), r.survey ? String(r.survey.year) : "", n(r.survey?.value, 2),
        ...input.categories.map((c) => (r.measures === null ? "" : n(r.categories[c.id], 1))),
      ].join(";"));
    }
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
