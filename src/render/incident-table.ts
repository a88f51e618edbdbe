/**
 * The CompStat/Brå-style table of one area: one row per category, grouped by the config's groups (total
 * last), with the month against the same month last year, the change as a count and a percentage (base counts always beside a
 * percentage, as CompStat practice asks), year to date, the last 12 months, the rate per 100 000, the
 * reference rates where the config has them, and the trend in words with a symbol.
 */
import type { AreaEntry, IncidentEntry } from "../model/indicators.ts";
import type { Config } from "../config/load-config.ts";
import { addMonths, monthYear } from "../core/month.ts";
import { changeCell, countCell, type Hidden, percentCell, rateCell } from "./_cells.ts";
import { figureHiddenKind, figureValue } from "./_figure-value.ts";
import { INCIDENT_FIGURES, type IncidentFigureSpec, type TableColumn } from "../model/figures.ts";
import { capitalise, formatMonth, formatNumber } from "./format-sv.ts";
import { html, type SafeHtml } from "./html.ts";
import { inMeasureOrder, isTotalId, type Measure } from "../core/measure.ts";
import { T, VERDICT } from "./wording.ts";

export interface TableOptions {
  month: string;
  config: Config;
  /** Show the config's reference rates (the kommun's table only: areas have no reference). */
  withReference: boolean;
  /** The references this table shows (set per measure's table: only those with a rate for one of its categories). */
  references?: Config["reference"];
}

/**
 * A reference's rate for an entry. References are Brå's statistics of reported crimes, so their `total`
 * key is the total of `brott` (`total` or `total:brott`), never another measure's.
 */
function referenceRate(ref: Config["reference"][number], e: IncidentEntry): number | undefined {
  if (!isTotalId(e.category)) return ref.per_100k[e.category];
  return e.measure === "brott" ? ref.per_100k["total"] : undefined;
}

/** A reference's period in words: "2024", "kvartal 3 2024", "mars 2024". */
function referencePeriod(ref: Config["reference"][number]): string {
  const p = ref.period;
  if (p === undefined || p.length === 4) return String(ref.year);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(p);
  return quarter ? `kvartal ${quarter[2]} ${quarter[1]}` : formatMonth(p);
}

/** The years the area's trends look back (the longest baseline among its entries; 3 when none has one). */
function baselineYears(area: AreaEntry): number {
  const years = area.incidents.map((e) => e.trend?.baseline_years ?? 0);
  return Math.max(...years) || 3;
}

export function trendCell(e: IncidentEntry): SafeHtml {
  if (e.trend === null) return html`<td>${e.suppressed || e.trend_suppressed ? T.trendHidden : T.notAvailable}</td>`;
  if (e.trend.verdict === null) return html`<td>${T.trendNotTested}</td>`;
  const v = VERDICT[e.trend.verdict];
  return html`<td class="${`trend ${v.className}`}"><span class="trend-symbol" aria-hidden="true">${v.symbol}</span> ${v.words}</td>`;
}

/** The figures the tables show, in column order (model/figures.ts). */
const TABLE_FIGURES = INCIDENT_FIGURES.filter((f): f is IncidentFigureSpec & { table: TableColumn } => f.table !== null);

/** A figure's value and why it is hidden (the CSV's reading too: _figure-value.ts). */
function figureInput(e: IncidentEntry, f: IncidentFigureSpec): { value: number | null; hidden: Hidden } {
  return { value: figureValue(e, f), hidden: figureHiddenKind(e, f) };
}

/** One figure's cell: a count, a change or a percentage against its inputs, or a rate that needs the population. */
function figureCell(e: IncidentEntry, f: IncidentFigureSpec & { table: TableColumn }, area: AreaEntry, k: number): string {
  const { value, hidden } = figureInput(e, f);
  if (f.from.length === 0) return countCell(value, hidden, k);
  const inputs = f.from.map((key) => figureInput(e, { ...f, key }));
  if (f.table === "per100k") return rateCell(value, inputs, area.population);
  return f.table === "changePct" ? percentCell(value, inputs) : changeCell(value, inputs);
}

function row(e: IncidentEntry, area: AreaEntry, o: TableOptions): SafeHtml {
  const k = o.config.suppression.min_count;
  const reference = o.withReference
    ? (o.references ?? o.config.reference).map((ref) => {
        const rate = referenceRate(ref, e);
        return html`<td class="num">${rate === undefined ? T.notAvailable : formatNumber(rate, 1)}</td>`;
      })
    : [];
  return html`<tr${isTotalId(e.category) ? html` class="total"` : null}>
<th scope="row">${e.name}</th>
${TABLE_FIGURES.map((f) => html`<td class="num">${figureCell(e, f, area, k)}</td>
`)}${reference}
${trendCell(e)}
</tr>`;
}

/**
 * One `<tbody>` per config group (config order; categories keep their config order within it) headed by a
 * `<th scope="rowgroup">` row, so a screen reader announces the group with every figure (issue 4: categories
 * grouped by the config's `groups` in the report's sections). Groups without a category are left out; the
 * `total` row closes the table in a body of its own.
 */
function groupBodies(area: AreaEntry, entries: IncidentEntry[], o: TableOptions, columns: number): SafeHtml[] {
  const rows = entries.filter((e) => !isTotalId(e.category));
  const known = new Set(o.config.groups.map((g) => g.id));
  const groups = [
    ...o.config.groups.map((g) => ({ name: g.name, entries: rows.filter((e) => e.group === g.id) })),
    // Defensive: the config check makes every category's group known, but a category must never vanish.
    { name: T.table.otherGroup, entries: rows.filter((e) => e.group === null || !known.has(e.group)) },
  ].filter((g) => g.entries.length > 0);
  const bodies = groups.map(
    (g) => html`<tbody>
<tr class="group"><th scope="rowgroup" colspan="${String(columns)}"><span>${g.name}</span></th></tr>
${g.entries.map((e) => row(e, area, o))}
</tbody>`,
  );
  const total = entries.filter((e) => isTotalId(e.category));
  if (total.length > 0) bodies.push(html`<tbody>
${total.map((e) => row(e, area, o))}
</tbody>`);
  return bodies;
}

/**
 * One table per measure (spec/cli.md "Measures": a table's total sums one measure only, and its caption
 * names it), each wrapped in a focusable scroll region so a keyboard user can scroll it on a small screen.
 */
export function incidentTable(area: AreaEntry, areaLabel: string, o: TableOptions): SafeHtml {
  const measures = inMeasureOrder(area.incidents.map((e) => e.measure));
  const tables = measures.map((m) =>
    measureTable(area, area.incidents.filter((e) => e.measure === m), m, measures.length > 1 ? `tabell-${area.id}-${m}` : `tabell-${area.id}`, areaLabel, o),
  );
  return html`${tables}
<p class="table-note">${T.table.note(baselineYears(area))} ${T.table.hiddenNote(o.config.suppression.min_count)}${area.population === null ? ` ${T.table.populationMissing}` : ""}</p>`;
}

/** A figure column's head: the month itself, the same month last year, or the column's words. */
function columnHead(column: TableColumn, month: string): string {
  const year = monthYear(month);
  switch (column) {
    case "month":
      return capitalise(formatMonth(month));
    case "lastYear":
      return capitalise(formatMonth(addMonths(month, -12)));
    case "ytd":
      return T.table.ytd(year);
    case "ytdLastYear":
      return T.table.ytdLastYear(year - 1);
    default:
      return T.table[column];
  }
}

function measureTable(area: AreaEntry, entries: IncidentEntry[], measure: Measure, id: string, areaLabel: string, options: TableOptions): SafeHtml {
  // Reference rates (Brå's, per category) only in a table that has a category they cover: a column of
  // "uppgift saknas" beside the kommun's own reports would suggest a comparison that does not exist.
  const o = { ...options, references: options.config.reference.filter((ref) => entries.some((e) => referenceRate(ref, e) !== undefined)) };
  const refHeads = o.withReference
    ? o.references.map((ref) => html`<th scope="col">${T.table.reference(ref.name, referencePeriod(ref))}</th>`)
    : [];
  return html`<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">
<table class="figures">
<caption id="${id}">${T.table.caption(measure, areaLabel, formatMonth(o.month))}</caption>
<thead><tr>
<th scope="col">${T.table.category}</th>
${TABLE_FIGURES.map((f) => html`<th scope="col">${columnHead(f.table, o.month)}</th>
`)}${refHeads}
<th scope="col">${T.table.trend}</th>
</tr></thead>
${groupBodies(area, entries, o, 2 + TABLE_FIGURES.length + refHeads.length)}
</table>
</div>`;
}
