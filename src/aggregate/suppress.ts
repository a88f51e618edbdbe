/**
 * Small-count suppression (spec/indicators.md "Suppression"). Returns a new Indicators in which hidden
 * counts are null with `<key>_suppressed: true` beside them; the computed input is never changed, since
 * suppression only hides values when writing and every published file is rendered from this copy.
 */
import { isTotalId } from "../core/measure.ts";
import type { AreaEntry, IncidentEntry, Indicators } from "./indicators-schema.ts";

export interface SuppressionRule {
  min_count: number;
  applies_to: "areas" | "all";
}

const KOMMUN = "kommun";

/** The count fields of spec "Suppression"; series points follow as fields SCALAR.length + i. */
const SCALAR = [
  (e: IncidentEntry) => ({ v: e.month.count, flag: e.month.count_suppressed }),
  (e: IncidentEntry) => ({ v: e.month.previous_month, flag: e.month.previous_month_suppressed }),
  (e: IncidentEntry) => ({ v: e.month.same_month_last_year, flag: e.month.same_month_last_year_suppressed }),
  (e: IncidentEntry) => ({ v: e.ytd.count, flag: e.ytd.count_suppressed }),
  (e: IncidentEntry) => ({ v: e.ytd.last_year, flag: e.ytd.last_year_suppressed }),
  (e: IncidentEntry) => ({ v: e.rolling_12m.count, flag: e.rolling_12m.count_suppressed }),
  (e: IncidentEntry) => ({ v: e.rolling_12m.previous, flag: e.rolling_12m.previous_suppressed }),
] as const;
const [M_COUNT, M_PREV, M_LAST_YEAR, Y_COUNT, Y_LAST_YEAR, R_COUNT, R_PREV] = [0, 1, 2, 3, 4, 5, 6] as const;

function fieldOf(e: IncidentEntry, f: number): { v: number | null; flag: true | undefined } {
  if (f < SCALAR.length) return SCALAR[f]!(e);
  const p = e.series[f - SCALAR.length];
  return { v: p?.count ?? null, flag: p?.suppressed };
}

/** One cell of a secondary-suppression line: (area index, entry index). */
type Cell = readonly [number, number];

/**
 * @param categoryOrder the configured category ids in config order (the "ties: config order" rule and
 *   the members of line (b); `total` is the line's sum, not a member)
 */
export function suppressIndicators(ind: Indicators, rule: SuppressionRule, categoryOrder: string[]): Indicators {
  const k = rule.min_count;
  const areas = ind.areas;
  const fieldCount = SCALAR.length + Math.max(0, ...areas.flatMap((a) => a.incidents.map((e) => e.series.length)));
  const inScope = (a: number) => rule.applies_to === "all" || areas[a]!.id !== KOMMUN;

  const hidden = new Set<string>();
  const key = (a: number, e: number, f: number) => `${a}:${e}:${f}`;
  const isHidden = (c: Cell, f: number) => hidden.has(key(c[0], c[1], f));
  const value = (c: Cell, f: number) => fieldOf(areas[c[0]]!.incidents[c[1]]!, f).v;

  // Primary: 0 < v < k in every in-scope entry (flags already present are kept, so a second pass over
  // a suppressed copy is a no-op).
  areas.forEach((area, a) => {
    area.incidents.forEach((entry, e) => {
      for (let f = 0; f < fieldCount; f++) {
        const { v, flag } = fieldOf(entry, f);
        if (flag || (k > 0 && inScope(a) && v !== null && v > 0 && v < k)) hidden.add(key(a, e, f));
      }
    });
  });

  // Lines for secondary suppression, each with the cell holding its sum.
  const lines: Array<{ sum: Cell | null; members: Cell[] }> = [];
  const kommun = areas.findIndex((a) => a.id === KOMMUN);
  const entryIndex = (a: number, category: string) => areas[a]!.incidents.findIndex((e) => e.category === category);
  // (a) across the areas (incl. okant) of one category, against the kommun figure.
  if (kommun >= 0) {
    areas[kommun]!.incidents.forEach((sumEntry, se) => {
      const members: Cell[] = [];
      areas.forEach((_, a) => {
        const e = a === kommun ? -1 : entryIndex(a, sumEntry.category);
        if (e >= 0 && inScope(a)) members.push([a, e]);
      });
      lines.push({ sum: [kommun, se], members });
    });
  }
  // (b) across the categories of one area, against the area's total of their measure (one line per
  // measure: a total sums only its own measure's categories, spec/cli.md "Measures").
  areas.forEach((area, a) => {
    if (!inScope(a)) return;
    const totals = area.incidents.flatMap((t, e) => (isTotalId(t.category) ? [[e, t.measure] as const] : []));
    for (const [total, measure] of totals.length > 0 ? totals : [[-1, null] as const]) {
      const members: Cell[] = [];
      for (const category of categoryOrder) {
        const e = entryIndex(a, category);
        if (e >= 0 && (measure === null || area.incidents[e]!.measure === measure)) members.push([a, e]);
      }
      lines.push({ sum: total >= 0 ? [a, total] : null, members });
    }
  });

  // Whenever exactly one cell of a line is hidden and its sum is visible, the hidden value could be
  // recovered by subtraction: hide the smallest other non-zero cell (ties: the first in config order).
  // Zeros are shown. Fields are independent lines, so each is settled on its own; (a) then (b), repeated.
  const settleLines = (): boolean => {
    let any = false;
    for (let f = 0; f < fieldCount; f++) {
      let changed = true;
      while (changed) {
        changed = false;
        for (const { sum, members } of lines) {
          if (sum === null || isHidden(sum, f) || value(sum, f) === null) continue;
          if (members.filter((c) => isHidden(c, f)).length !== 1) continue;
          let pick: Cell | null = null;
          for (const c of members) {
            const v = value(c, f);
            if (isHidden(c, f) || v === null || v === 0) continue;
            if (pick === null || v < value(pick, f)!) pick = c;
          }
          if (pick !== null) {
            hidden.add(key(pick[0], pick[1], f));
            changed = any = true;
          }
        }
      }
    }
    return any;
  };

  // (c) Across time, which the spec's two lines do not cover: a window sum (ytd, rolling 12 months) minus
  // its visible months gives a hidden month back, and the month fields repeat series points. So the month
  // fields and their series points are hidden together, and a window sum is hidden as soon as any month
  // inside it is; the new hidden sums then go through (a) and (b) again, until nothing changes.
  const seriesLength = fieldCount - SCALAR.length;
  const last = seriesLength - 1; // the report month's index in the series
  const monthNo = Number(ind.month.slice(5, 7));
  const windows: Array<[number, number, number]> = [
    [R_COUNT, last - 11, last],
    [R_PREV, last - 23, last - 12],
    [Y_COUNT, last - monthNo + 1, last],
    [Y_LAST_YEAR, last - 12 - monthNo + 1, last - 12],
  ];
  const twins: Array<[number, number]> = [
    [M_COUNT, last],
    [M_PREV, last - 1],
    [M_LAST_YEAR, last - 12],
  ];
  const settleTime = (): boolean => {
    let any = false;
    const hide = (a: number, e: number, f: number) => {
      if (!hidden.has(key(a, e, f))) {
        hidden.add(key(a, e, f));
        any = true;
      }
    };
    areas.forEach((area, a) => {
      area.incidents.forEach((_, e) => {
        for (const [f, i] of twins) {
          if (i < 0) continue;
          if (hidden.has(key(a, e, f)) || hidden.has(key(a, e, SCALAR.length + i))) {
            hide(a, e, f);
            hide(a, e, SCALAR.length + i);
          }
        }
        for (const [f, from, to] of windows) {
          if (hidden.has(key(a, e, f)) || from < 0) continue;
          for (let i = from; i <= to; i++) {
            if (hidden.has(key(a, e, SCALAR.length + i))) {
              hide(a, e, f);
              break;
            }
          }
        }
      });
    });
    return any;
  };
  settleLines();
  while (settleTime() && settleLines()) {
    // repeat until neither rule hides anything new
  }

  // The trend's baseline S = Σ N(m−12..m−1) gives a hidden month back too: without it the verdict stays.
  const baselineHidden = (a: number, e: number) => {
    for (let i = last - 12; i < last; i++) if (i >= 0 && hidden.has(key(a, e, SCALAR.length + i))) return true;
    return false;
  };

  const out = structuredClone({ ...ind, areas: [] as AreaEntry[] });
  out.areas = areas.map((area, a) => ({
    ...structuredClone(area),
    incidents: area.incidents.map((entry, e) => hideEntry(entry, (f) => hidden.has(key(a, e, f)), baselineHidden(a, e))),
  }));
  return out;
}

/** A copy of the entry with hidden fields null, flags right after their key, derived figures null. */
function hideEntry(entry: IncidentEntry, h: (f: number) => boolean, baselineHidden: boolean): IncidentEntry {
  const { month: m, ytd: y, rolling_12m: r } = entry;
  const show = (f: number, v: number | null) => (h(f) ? null : v);
  const flag = <K extends string>(f: number, name: K) => (h(f) ? ({ [name]: true } as Record<K, true>) : {});
  return {
    category: entry.category,
    name: entry.name,
    group: entry.group,
    measure: entry.measure,
    // When month.count is hidden the whole entry is marked, and its trend (which reveals N(m)) is gone.
    suppressed: entry.suppressed || h(M_COUNT),
    month: {
      count: show(M_COUNT, m.count),
      ...flag(M_COUNT, "count_suppressed"),
      previous_month: show(M_PREV, m.previous_month),
      ...flag(M_PREV, "previous_month_suppressed"),
      same_month_last_year: show(M_LAST_YEAR, m.same_month_last_year),
      ...flag(M_LAST_YEAR, "same_month_last_year_suppressed"),
      change_abs: h(M_COUNT) || h(M_LAST_YEAR) ? null : m.change_abs,
      change_pct: h(M_COUNT) || h(M_LAST_YEAR) ? null : m.change_pct,
      per_100k: show(M_COUNT, m.per_100k),
    },
    ytd: {
      count: show(Y_COUNT, y.count),
      ...flag(Y_COUNT, "count_suppressed"),
      last_year: show(Y_LAST_YEAR, y.last_year),
      ...flag(Y_LAST_YEAR, "last_year_suppressed"),
      change_abs: h(Y_COUNT) || h(Y_LAST_YEAR) ? null : y.change_abs,
      change_pct: h(Y_COUNT) || h(Y_LAST_YEAR) ? null : y.change_pct,
    },
    rolling_12m: {
      count: show(R_COUNT, r.count),
      ...flag(R_COUNT, "count_suppressed"),
      previous: show(R_PREV, r.previous),
      ...flag(R_PREV, "previous_suppressed"),
      change_abs: h(R_COUNT) || h(R_PREV) ? null : r.change_abs,
      change_pct: h(R_COUNT) || h(R_PREV) ? null : r.change_pct,
      per_100k: show(R_COUNT, r.per_100k),
    },
    trend:
      h(M_COUNT) || entry.trend === null
        ? null
        : baselineHidden
          ? { verdict: entry.trend.verdict, p_value: null, q_value: null, baseline_mean: null, baseline_years: entry.trend.baseline_years }
          : { ...entry.trend },
    series: entry.series.map((p, i) =>
      h(SCALAR.length + i) ? { month: p.month, count: null, suppressed: true as const } : { ...p },
    ),
  };
}
