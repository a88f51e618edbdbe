/**
 * What the maps show, worked out from the published (suppressed) indicators only, so a map can never
 * reveal a hidden count (spec/outputs.md: every published file is rendered from the suppressed copy).
 *
 * - A group's figure for an area is the sum of its categories' counts over the last 12 months
 *   (`rolling_12m.count`) when every one is shown: the same period as the tables' "per 100 000"
 *   column and the "Begrepp" definition (issue 16: one meaning for one term).
 *   That sum is no new information (anyone can add the table's cells). When a category's 12-month sum is
 *   hidden, what the report does publish is a range: its twelve months in the chart's table, each shown
 *   exactly or as "färre än k" (1..k−1), so the sum lies in [shown + h, shown + h·(k−1)] for h small
 *   months (`known12`); a month hidden to protect another bounds nothing. The area reads "färre än k" when the
 *   whole range is below k (hatched, like any suppressed figure), else that range ("5–6"); map-figure.ts
 *   colours a range only when all of it is ≥ k and falls in one colour class, so the colour says no more
 *   than the published tables do.
 * - The rate is that 12-month sum per 100 000 of the area's population, when every area on the map has one;
 *   otherwise the map shows counts (one unit per map, never mixed).
 * - The trend map uses each area's total verdict (the only verdict published per area), one map per
 *   measure's total.
 * - A group whose categories count different measures gets one map per measure: its figure is never a
 *   sum across measures (spec/cli.md "Measures").
 */
import type { AreaEntry, IncidentEntry, Indicators, Verdict } from "../model/indicators.ts";
import { formatNumber } from "./format-sv.ts";
import { inMeasureOrder, isTotalId, type Measure } from "../core/measure.ts";
import { fewerThan, MAP } from "./wording.ts";

export type FigureState = "value" | "fewer" | "hidden" | "unavailable";

export interface AreaFigure {
  id: string;
  name: string;
  state: FigureState;
  count: number | null;
  /** The 12-month count per 100 000 inhabitants, one decimal; null without population or without a value. */
  rate: number | null;
  /** The number the map is coloured by (rate or count); null unless state is "value". */
  mapped: number | null;
  /** State "hidden": the published range of the count and of the mapped number. */
  range: { lo: number; hi: number; mappedLo: number; mappedHi: number } | null;
  /** How the figure reads in the label, the table and the description: "12,3", "färre än 3", … */
  text: string;
}

export interface GroupMapData {
  group: { id: string; name: string };
  measure: Measure;
  /** The map's id: `karta-<group>`, or `karta-<group>-<measure>` when the group spans measures. */
  id: string;
  unit: "rate" | "count";
  areas: AreaFigure[];
}

export interface TrendMapData {
  measure: Measure;
  /** `karta-trend`, or `karta-trend-<measure>` when the report has several totals. */
  id: string;
  areas: Array<{ id: string; name: string; verdict: Verdict | null }>;
}

/** How a count hidden to protect another reads (spec/outputs.md). */
const T_HIDDEN = "döljs";

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * What is published about one entry's 12-month count: the number; or, when the sum itself is hidden,
 * the bounds its twelve published series points give (each shown point exact, each "small" point
 * 1..k−1) — the same bounds anyone can add up from the chart's table, so the map reveals nothing more;
 * "unbounded" when a point is hidden to protect another (0 or ≥ k, no upper bound), or when the sum is
 * hidden without a series to bound it; "unavailable" when a month is missing.
 */
type Known = { lo: number; hi: number } | "unbounded" | "unavailable";

function known12(e: IncidentEntry, minCount: number): Known {
  const r = e.rolling_12m;
  if (r.count !== null) return { lo: r.count, hi: r.count };
  if (!r.count_suppressed) return "unavailable";
  const points = e.series.slice(-12);
  if (points.length < 12) return "unbounded";
  let [lo, hi] = [0, 0];
  for (const p of points) {
    if (p.count !== null) [lo, hi] = [lo + p.count, hi + p.count];
    else if (!p.suppressed) return "unavailable";
    else if (p.suppressed === "small") [lo, hi] = [lo + 1, hi + minCount - 1];
    else return "unbounded";
  }
  return { lo, hi };
}

function groupFigure(area: AreaEntry, group: string, measure: Measure, unit: "rate" | "count", minCount: number): AreaFigure {
  const entries = area.incidents.filter((e) => e.group === group && e.measure === measure);
  const base = { id: area.id, name: area.name };
  const known = entries.map((e) => known12(e, minCount));
  if (known.includes("unavailable")) {
    return { ...base, state: "unavailable", count: null, rate: null, mapped: null, range: null, text: MAP.notAvailable };
  }
  const rateOf = (n: number) => (area.population === null ? null : round1((n / area.population) * 100_000));
  // A value hidden to protect another may be large: no range can be given, only that it is hidden.
  if (known.includes("unbounded")) {
    return { ...base, state: "fewer", count: null, rate: null, mapped: null, range: null, text: T_HIDDEN };
  }
  const bounds = known.filter((b) => typeof b !== "string");
  const [lo, hi] = [bounds.reduce((s, b) => s + b.lo, 0), bounds.reduce((s, b) => s + b.hi, 0)];
  if (lo !== hi) {
    if (hi < minCount) return { ...base, state: "fewer", count: null, rate: null, mapped: null, range: null, text: fewerThan(minCount) };
    const [rLo, rHi] = [rateOf(lo), rateOf(hi)];
    const mapped = unit === "rate" && rLo !== null && rHi !== null ? { mappedLo: rLo, mappedHi: rHi } : { mappedLo: lo, mappedHi: hi };
    const text = unit === "rate" && rLo !== null && rHi !== null ? `${formatNumber(rLo, 1)}–${formatNumber(rHi, 1)}` : `${formatNumber(lo)}–${formatNumber(hi)}`;
    return { ...base, state: "hidden", count: null, rate: null, mapped: null, range: { lo, hi, ...mapped }, text };
  }
  const rate = rateOf(lo);
  const mapped = unit === "rate" ? rate : lo;
  const text = unit === "rate" && rate !== null ? formatNumber(rate, 1) : formatNumber(lo);
  return { ...base, state: "value", count: lo, rate, mapped, range: null, text };
}

/** The areas a map covers: every area of the report except hela kommunen, in the report's order. */
function mapAreas(ind: Indicators): AreaEntry[] {
  return ind.areas.filter((a) => a.id !== "kommun");
}

/**
 * One map per group that has categories in the indicators, in the config's group order.
 * @param drawn ids of the areas that have a polygon: only their populations decide the unit.
 */
export function groupMaps(ind: Indicators, groups: ReadonlyArray<{ id: string; name: string }>, drawn: ReadonlySet<string>, minCount: number): GroupMapData[] {
  const areas = mapAreas(ind);
  const unit = areas.filter((a) => drawn.has(a.id)).every((a) => a.population !== null) ? "rate" : "count";
  return groups.flatMap((group) => {
    const measures = inMeasureOrder(areas.flatMap((a) => a.incidents.filter((e) => e.group === group.id).map((e) => e.measure)));
    return measures.map((measure) => ({
      group,
      measure,
      id: measures.length > 1 ? `karta-${group.id}-${measure}` : `karta-${group.id}`,
      unit,
      areas: areas.map((a) => groupFigure(a, group.id, measure, unit, minCount)),
    }));
  });
}

/** One trend map per measure's total, in the totals' order. */
export function trendMaps(ind: Indicators): TrendMapData[] {
  const areas = mapAreas(ind);
  const totals = (areas[0]?.incidents ?? []).filter((e) => isTotalId(e.category));
  return totals.map((total) => ({
    measure: total.measure,
    id: totals.length > 1 ? `karta-trend-${total.measure}` : "karta-trend",
    areas: areas.map((a) => ({
      id: a.id,
      name: a.name,
      verdict: a.incidents.find((e) => e.category === total.category)?.trend?.verdict ?? null,
    })),
  }));
}
