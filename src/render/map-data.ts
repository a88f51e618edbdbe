/**
 * What the maps show, worked out from the published (suppressed) indicators only, so a map can never
 * reveal a hidden count (spec/outputs.md: every published file is rendered from the suppressed copy).
 *
 * - A group's figure for an area is the sum of its categories' month counts when every one is shown.
 *   That sum is no new information (anyone can add the table's cells). When a category is hidden the sum
 *   is not published either. What the tables do publish is a range: each hidden count is 1..k−1, so the
 *   sum lies in [shown + h, shown + h·(k−1)] for h hidden counts. The area reads "färre än k" when the
 *   whole range is below k (hatched, like any suppressed figure), else that range ("5–6"); map-figure.ts
 *   colours a range only when all of it is ≥ k and falls in one colour class, so the colour says no more
 *   than the published tables do.
 * - The rate is the sum per 100 000 of the area's population, when every area on the map has one;
 *   otherwise the map shows counts (one unit per map, never mixed).
 * - The trend map uses each area's total verdict (the only verdict published per area), one map per
 *   measure's total.
 * - A group whose categories count different measures gets one map per measure: its figure is never a
 *   sum across measures (spec/cli.md "Measures").
 */
import type { AreaEntry, Indicators, Verdict } from "../aggregate/indicators-schema.ts";
import { formatNumber } from "./format-sv.ts";
import { inMeasureOrder, isTotalId, type Measure } from "../core/measure.ts";
import { fewerThan, MAP } from "./wording.ts";

export type FigureState = "value" | "fewer" | "hidden" | "unavailable";

export interface AreaFigure {
  id: string;
  name: string;
  state: FigureState;
  count: number | null;
  /** Per 100 000 inhabitants, one decimal; null without population or without a value. */
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

function groupFigure(area: AreaEntry, group: string, measure: Measure, unit: "rate" | "count", minCount: number): AreaFigure {
  const entries = area.incidents.filter((e) => e.group === group && e.measure === measure);
  const base = { id: area.id, name: area.name };
  if (entries.some((e) => e.month.count === null && !(e.month.count_suppressed ?? e.suppressed))) {
    return { ...base, state: "unavailable", count: null, rate: null, mapped: null, range: null, text: MAP.notAvailable };
  }
  const hidden = entries.filter((e) => e.month.count === null);
  const visible = entries.reduce((s, e) => s + (e.month.count ?? 0), 0);
  const rateOf = (n: number) => (area.population === null ? null : round1((n / area.population) * 100_000));
  // A value hidden to protect another may be large: no range can be given, only that it is hidden.
  if (hidden.some((e) => (e.month.count_suppressed ?? null) === "protects")) {
    return { ...base, state: "fewer", count: null, rate: null, mapped: null, range: null, text: T_HIDDEN };
  }
  if (hidden.length > 0) {
    const [lo, hi] = [visible + hidden.length, visible + hidden.length * (minCount - 1)];
    if (hi < minCount) return { ...base, state: "fewer", count: null, rate: null, mapped: null, range: null, text: fewerThan(minCount) };
    const [rLo, rHi] = [rateOf(lo), rateOf(hi)];
    const mapped = unit === "rate" && rLo !== null && rHi !== null ? { mappedLo: rLo, mappedHi: rHi } : { mappedLo: lo, mappedHi: hi };
    const text = unit === "rate" && rLo !== null && rHi !== null ? `${formatNumber(rLo, 1)}–${formatNumber(rHi, 1)}` : `${lo}–${hi}`;
    return { ...base, state: "hidden", count: null, rate: null, mapped: null, range: { lo, hi, ...mapped }, text };
  }
  const rate = rateOf(visible);
  const mapped = unit === "rate" ? rate : visible;
  const text = unit === "rate" && rate !== null ? formatNumber(rate, 1) : formatNumber(visible);
  return { ...base, state: "value", count: visible, rate, mapped, range: null, text };
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
