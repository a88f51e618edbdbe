/**
 * Disclosure control (spec/indicators.md "Suppression"). Two steps:
 *
 * 1. `planSuppression` decides, once per run, which monthly counts N(a, c, t) and which window sums
 *    (year to date, 12 months) are hidden, and why ("small": 0 < v < k; "protects": hidden so that a
 *    small value cannot be worked out). The plan is built **month by month, oldest first, and a month's
 *    decisions never depend on a later month's data**. That is what keeps the output folder safe: every
 *    report month publishes its own 24-month series, so a month once published visible can never be
 *    hidden afterwards (the old file still shows it), and a monthly scheduled run that adds one month
 *    must reach the same decisions for the earlier months as the run that built them.
 * 2. `suppressIndicators` applies the plan to one month's computed indicators and returns the published
 *    copy: hidden counts null with `<key>_suppressed`, derived figures whose inputs include a hidden
 *    value null with `"<key>_suppressed": "protects"`, unavailable values plain null (unavailability
 *    wins). The computed input is never changed.
 *
 * The relations an attacker has (and that the plan defends, month t by month t):
 * - the month's table: per category, `kommun` = Σ areas + `okant`; per area and measure, the total =
 *   Σ the measure's categories. Every such line with a hidden cell gets at least two (so a subtraction
 *   never gives one back), preferring the `okant` cell, a cell already needed for time, small values;
 * - time: a window sum (ytd, 12 months) minus its visible months gives the sum of its hidden months,
 *   and two consecutive sums give back the new month (ytd(m) − ytd(m−1) = N(m)); so a sum is shown only
 *   when none of its months is hidden, labelled "small" when it is 1..k−1, and hidden ("protects")
 *   otherwise;
 * - everything together, over time: the labels are bounds too ("small" 1..k−1, "protects" ≥ k), and a
 *   month's table, its sums' labels and the earlier months' published figures can pin a value that no
 *   one of them pins. After each month's own steps the plan solves the attacker's LP over every month so
 *   far and repairs month t until every small value keeps two integers (`repairOverTime`), or gives the
 *   value up when even hiding all of month t would not protect it: the earlier months, published before
 *   month t's data existed, and the labels property 1 forces disclose it (the kommun's 1 under
 *   `applies_to: areas`; a 12-month sum of 1 followed by one of 2 beside a shown 0).
 * The audit (test/helpers/suppression-audit.ts, run on the sample by
 * test/e2e/suppression-audit-sample.test.ts) checks the result with an attacker's LP over every
 * published file, independently of the plan's code, and classes each value it pins by the same rule.
 */
import { createHash } from "node:crypto";
import type { PlanDecisions } from "../model/suppression-plan.ts";
import { addMonths, monthFromIndex, monthIndex, type YearMonth } from "../core/month.ts";
import type { AreaEntry, HiddenKind, IncidentEntry, Indicators } from "../model/indicators.ts";
import { figureGroup, INCIDENT_FIGURES, type FigureGroup } from "../model/figures.ts";
import { components, nearestMove, pinnedTargets, type Programme, type Relation, type Seed, type Target } from "./lp-interval.ts";
import { baselineMonths, MAX_BASELINE_YEARS } from "./seasonal-trend.ts";
import { isTotalId } from "../core/measure.ts";
// `at` is the name of a dense cell index below: the checked lookup is `elem`.
import { append } from "../core/append.ts";
import { at as elem, mustGet, present } from "../core/checked.ts";

export interface SuppressionRule {
  min_count: number;
  applies_to: "areas" | "all";
}

export type { HiddenKind };

const KOMMUN = "kommun";
/**
 * The version of the plan's rules, in the cache key: a cached plan is used only by the rules that made it.
 * Raise it with every change that can change a decision (2: complements prefer a category to a total; 3: a month's exposed values repaired together; 4: the attacker over time; 5: complements by the sums they hide).
 */
const PLAN_RULES = 5;
const OKANT = "okant";
/**
 * How far back the plan's attacker over time looks: a report month's series is 24 months, and its window
 * sums reach 11 months back. Older months count as known to it (see `programmeOverTime`).
 */
const HORIZON_MONTHS = 24;
/**
 * What hiding a total cell costs beyond a category's: an area's total per measure is its headline figure
 * (the summary, the all-areas table, the maps' 12-month rate), and a hidden month hides its year-to-date
 * and 12-month sums for a year, so a category's cell is hidden in its place wherever one protects as well.
 */
const TOTAL_COST = 20;

/** The trend's baseline months B(J) (seasonal-trend.ts); none with insufficient history. */
function trendBaseline(month: YearMonth, baselineYears: number | null): YearMonth[] {
  return baselineYears === null ? [] : baselineMonths(month, baselineYears);
}

/** The windows of spec/indicators.md "Incident figures", as month ranges ending at the report month. */
export function windowMonths(kind: WindowKind, month: YearMonth): YearMonth[] {
  const length = kind === "ytd" ? Number(month.slice(5, 7)) : 12;
  return Array.from({ length }, (_, i) => addMonths(month, i - length + 1));
}
export type WindowKind = "ytd" | "rolling";

/** N(a, c, t), or null when unavailable. */
export type CountLookup = (area: string, category: string, month: YearMonth) => number | null;

export interface PlanInput {
  rule: SuppressionRule;
  /** Area ids in published order: `kommun` first, `okant` last. */
  areas: string[];
  /** The month's incident entries (categories and totals) of any area, for ids and measures. */
  entries: Array<Pick<IncidentEntry, "category" | "measure">>;
  count: CountLookup;
  /** The first month any incident source covers; nothing before it is available. */
  from: YearMonth;
  /** The last report month the plan must serve. */
  to: YearMonth;
}

export interface SuppressionCounts {
  small: number;
  protects: number;
  cells: number;
}

export interface SuppressionPlan {
  readonly rule: SuppressionRule;
  readonly to: YearMonth;
  /** What the plan decided, for a cache: planSuppression(input, { decisions, through: to }) gives the same plan back. */
  decisions(): PlanDecisions;
  /** The hidden kind of N(a, c, t), if hidden. */
  cell(area: string, category: string, month: YearMonth): HiddenKind | undefined;
  /** The hidden kind of report month m's window sum, if hidden. */
  sum(area: string, category: string, month: YearMonth, kind: WindowKind): HiddenKind | undefined;
}

/** The plan's decisions as data: hidden cells `area|category|month`, sums `…|kind`, values given up. */
export type { PlanDecisions };

/**
 * One key per month of the plan, from its first month to its last: key(t) covers the rule, the areas,
 * the entries (ids and measures), the first month and every count up to t. The plan is causal (see the
 * file comment), so equal keys through month p give equal decisions through p: a cached plan serves a
 * run whose data changed only after p (a scheduled run adding a month) and only the later months are
 * solved. Solving is most of a run's time: every run plans from the first covered month.
 */
export function planKeys(input: PlanInput): string[] {
  const { rule, areas, entries, from, count } = input;
  let key = createHash("sha256").update(JSON.stringify({ v: PLAN_RULES, rule, areas, entries: entries.map((e) => [e.category, e.measure]), from })).digest("hex");
  const keys: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(input.to); i++) {
    const t = monthFromIndex(i);
    const hash = createHash("sha256").update(key);
    for (const a of areas) for (const e of entries) hash.update(`${count(a, e.category, t) ?? "-"},`);
    key = hash.digest("hex");
    keys.push(key);
  }
  return keys;
}

/** The month of a decision's key: `area|category|month` (a cell) or `area|category|month|kind` (a sum). */
function monthOfKey(key: string): YearMonth {
  return elem(key.split("|"), 2);
}

/** Decisions through month `through` only: what a plan of the same data through that month decided. */
export function decisionsThrough(decided: PlanDecisions, through: YearMonth): PlanDecisions {
  return {
    cells: decided.cells.filter(([key]) => monthOfKey(key) <= through),
    sums: decided.sums.filter(([key]) => monthOfKey(key) <= through),
    given_up: decided.given_up.filter(([, at]) => at <= through),
  };
}

interface Line {
  /** The cell holding the line's sum. */
  sum: string;
  members: string[];
}

/** Ties are broken by this order (config order of areas, then categories): deterministic output. */
/**
 * `prior`: decisions of the same data through month `through` (a cache; `decisionsThrough`): the plan
 * takes them as made and solves the months after `through` only. Through the last month: nothing to solve.
 */
export function planSuppression(input: PlanInput, prior?: { decisions: PlanDecisions; through: YearMonth }): SuppressionPlan {
  const { rule, areas, count } = input;
  const k = rule.min_count;
  const cells = new Map<string, HiddenKind>(prior?.decisions.cells);
  const sums = new Map<string, HiddenKind>(prior?.decisions.sums);
  /** Small values no decision could protect (see `repairOverTime`), given up once, with the month. */
  const givenUp = new Map<string, YearMonth>(prior?.decisions.given_up);
  const plan: SuppressionPlan = {
    rule,
    to: input.to,
    decisions: () => ({ cells: [...cells], sums: [...sums], given_up: [...givenUp] }),
    cell: (a, c, t) => cells.get(`${a}|${c}|${t}`),
    sum: (a, c, t, kind) => sums.get(`${a}|${c}|${t}|${kind}`) ?? freshSum(a, c, t, kind),
  };
  if (k <= 1) return plan;
  const inScope = (a: string) => rule.applies_to === "all" || a !== KOMMUN;

  const categories = input.entries.map((e) => e.category);
  const members = categories.filter((c) => !isTotalId(c));
  const totals = input.entries.filter((e) => isTotalId(e.category));
  const scoped = areas.filter(inScope);
  const rank = new Map<string, number>();
  areas.forEach((a, i) => categories.forEach((c, j) => rank.set(`${a}|${c}`, i * 1000 + j)));
  /** Whether cell `id` comes before `best` in config order (the tie-break); any cell before none. */
  const ranksBefore = (id: string, best: string | null) => best === null || mustGet(rank, id, "rank") < mustGet(rank, best, "rank");

  // Lines of one month's table (and of one window's sum table): cell ids are `${area}|${category}`.
  const lines: Line[] = [];
  if (areas.includes(KOMMUN)) {
    for (const c of categories) lines.push({ sum: `${KOMMUN}|${c}`, members: areas.filter((a) => a !== KOMMUN).map((a) => `${a}|${c}`) });
  }
  for (const a of areas) {
    for (const t of totals) {
      const m = t.measure;
      const ms = input.entries.filter((e) => !isTotalId(e.category) && e.measure === m).map((e) => `${a}|${e.category}`);
      lines.push({ sum: `${a}|${t.category}`, members: ms.length > 0 ? ms : members.map((c) => `${a}|${c}`) });
    }
  }
  const linesOf = new Map<string, Line[]>();
  for (const l of lines) for (const id of [l.sum, ...l.members]) append(linesOf, id, l);
  const areaOf = (id: string) => id.slice(0, id.indexOf("|"));
  const categoryOf = (id: string) => id.slice(id.indexOf("|") + 1);

  const isSmall = (v: number | null): v is number => v !== null && v > 0 && v < k;

  /** A window sum decided without complements (only for report months before the plan's first). */
  function freshSum(a: string, c: string, t: YearMonth, kind: WindowKind): HiddenKind | undefined {
    if (!inScope(a)) return undefined;
    const months = windowMonths(kind, t);
    let s = 0;
    let hidden = 0;
    for (const u of months) {
      const v = count(a, c, u);
      if (v === null) return undefined;
      s += v;
      if (cells.has(`${a}|${c}|${u}`)) hidden++;
    }
    if (isSmall(s)) return "small";
    return hidden === 1 ? "protects" : undefined;
  }

  /**
   * Settles the lines of one table: while a line has exactly one hidden cell, hide one more. The value
   * of a cell is `value(id)`; `hidden`/`hide` read and write the table's hidden set; `cost` ranks
   * candidates (lower first, then config order).
   */
  function settle(value: (id: string) => number | null, hidden: (id: string) => boolean, hide: (id: string) => void, cost: (id: string) => number): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of lines) {
        const all = [line.sum, ...line.members];
        // A line with an unavailable cell publishes no relation (its sum is not the sum of what is shown).
        if (all.some((id) => value(id) === null)) continue;
        if (all.filter(hidden).length !== 1) continue;
        let best: string | null = null;
        let bestCost = Infinity;
        for (const id of all) {
          if (hidden(id) || !inScope(areaOf(id))) continue;
          const v = value(id);
          if (v === null) continue; // never: the line has no unavailable cell
          // Zeros are shown; one is hidden only where no non-zero cell can protect (spec, property 1).
          let c = cost(id) + (v === 0 ? 1e6 : 0) + (id === line.sum ? 1e3 : 0) + (isTotalId(categoryOf(id)) ? TOTAL_COST : 0) + v / 1e4;
          // A cell that settles another line with one hidden cell at the same time is worth more.
          if ((linesOf.get(id) ?? []).some((l) => l !== line && [l.sum, ...l.members].filter(hidden).length === 1)) c -= 50;
          if (c < bestCost || (c === bestCost && ranksBefore(id, best))) {
            best = id;
            bestCost = c;
          }
        }
        if (best !== null) {
          hide(best);
          changed = true;
        }
      }
    }
  }

  /** The LP of one month's table: unknowns are its hidden cells, relations its lines. */
  function monthProgramme(value: (id: string) => number | null, hiddenAt: (id: string) => boolean) {
    const ids: string[] = [];
    const index = new Map<string, number>();
    for (const a of areas) for (const c of categories) {
      const id = `${a}|${c}`;
      if (hiddenAt(id) && value(id) !== null) (index.set(id, ids.length), ids.push(id));
    }
    const lower = ids.map((id) => (isSmall(value(id)) ? 1 : value(id) === 0 ? 0 : k));
    const upper = ids.map((id) => (isSmall(value(id)) ? k - 1 : Infinity));
    const relations: Relation[] = [];
    for (const line of lines) {
      const all = [line.sum, ...line.members];
      if (all.some((id) => value(id) === null)) continue;
      const terms: Relation["terms"] = [];
      let constant = 0;
      all.forEach((id, i) => {
        const coef = i === 0 ? -1 : 1;
        const v = index.get(id);
        if (v !== undefined) terms.push({ v, coef });
        else constant += coef * present(value(id), "a value of a line without unavailable cells");
      });
      if (terms.length > 0) relations.push({ terms, lo: -constant, hi: -constant });
    }
    return { ids, index, programme: { lower, upper, relations } };
  }

  /**
   * Small cells of the month that the LP narrows to fewer than two integers. `except`: cells not asked
   * about (already known to be exposed); `any`: stop at the first one found (the caller asks only
   * whether there is one).
   */
  function exposed(t: YearMonth, value: (id: string) => number | null, hiddenAt: (id: string) => boolean, except?: Set<string>, any = false, fixed?: number): string[] {
    const { ids, programme } = monthProgramme(value, hiddenAt);
    const small = ids.flatMap((id, i) => {
      const v = value(id);
      return isSmall(v) && !except?.has(id) ? [{ id, vars: [i], truth: v, lo: 1, hi: k - 1 }] : [];
    });
    // The month's points so far are offered as witnesses, as over time.
    return pinnedWithPool(monthPool, programme, small, ids.map((id) => cellAt(id, t)), { any, fixed }).map((target) => target.id);
  }

  /**
   * Small values that no hiding can protect: those the attacker's LP still pins when every cell of the
   * month in scope is hidden, so only the published kommun figures and the labels (small 1..k−1,
   * protects ≥ k or 0) are known. E.g. the kommun's 1 (published whole under `applies_to: areas`), or
   * the kommun's 7 over areas 1, 1, 1, 1, 3, 0. Such a value is disclosed by the published figures
   * themselves; hiding more would only lose information.
   */
  function inherentCells(t: YearMonth, value: (id: string) => number | null): Set<string> {
    return new Set(exposed(t, value, (id) => inScope(areaOf(id))));
  }

  /** Returns the month's small values that no hiding protects (`inherentCells`), if it had to look. */
  function repairMonth(month: YearMonth, value: (id: string) => number | null, hiddenAt: (id: string) => boolean, hide: (id: string) => void): Set<string> {
    // Looked for once, when the first value is exposed.
    let inherent: Set<string> | null = null;
    for (;;) {
      // A value pinned with every cell hidden is pinned whatever is hidden (hiding less only tells the
      // attacker more): once known, those values are not solved again.
      const exposedNow = exposed(month, value, hiddenAt, inherent ?? undefined);
      if (exposedNow.length === 0) return inherent ?? new Set();
      const givenUp = (inherent ??= inherentCells(month, value));
      const bad = exposedNow.filter((id) => !givenUp.has(id));
      if (bad.length === 0) return givenUp;
      // One more hidden cell for every exposed value whose lines this round has not touched yet, then
      // one check for all of them: with many areas a month has hundreds of small values, and a check
      // per added cell was most of the plan's time.
      const touched = new Set<Line>();
      for (const id of bad) {
        if ((linesOf.get(id) ?? []).some((l) => touched.has(l))) continue;
        // Of the small value's own lines first, else of a line that already holds a hidden cell (room may
        // have to come round a longer cycle); `okant` first, then the largest value (most room), zeros last.
        const own = new Set(linesOf.get(id) ?? []);
        let best: string | null = null;
        let bestCost = Infinity;
        for (const line of lines) {
          if (!own.has(line) && ![line.sum, ...line.members].some(hiddenAt)) continue;
          for (const x of [...line.members, line.sum]) {
            const v = value(x);
            if (v === null || hiddenAt(x) || !inScope(areaOf(x))) continue;
            const cost = (own.has(line) ? 0 : 100) + (areaOf(x) === OKANT ? 0 : 10) + (v === 0 ? 1e6 : 0) + (x === line.sum ? 5 : 0) + (isTotalId(categoryOf(x)) ? TOTAL_COST : 0) - Math.min(v, 4 * k) / k + 5 * sumsLost(x, monthIndex(month) - first);
            if (cost < bestCost || (cost === bestCost && ranksBefore(x, best))) {
              best = x;
              bestCost = cost;
            }
          }
        }
        if (best === null) {
          givenUp.add(id);
          continue;
        }
        hide(best);
        for (const l of [...own, ...(linesOf.get(best) ?? [])]) touched.add(l);
      }
    }
  }

  function pruneMonth(month: YearMonth, value: (id: string) => number | null): void {
    // Newest first, the dearest (those that hide their line's sums) before the others.
    const ti = monthIndex(month) - first;
    const protects = protectsOf(month);
    protects.sort((x, y) => sumsLost(y.slice(0, y.lastIndexOf("|")), ti) - sumsLost(x.slice(0, x.lastIndexOf("|")), ti));
    prune(month, value, protects, false);
  }

  /**
   * Unhides each of `candidates` (month t's "protects" cells, in the order given) that no relation needs:
   * no line left with a single hidden cell (a subtraction away from a value), nothing newly exposed in the
   * month's table, and with `overTime` nothing pinned over time that was not given up.
   */
  function prune(t: YearMonth, value: (id: string) => number | null, candidates: string[], overTime: boolean): void {
    if (candidates.length === 0) return;
    const hiddenAt = (id: string) => cells.has(`${id}|${t}`);
    const exposedBefore = new Set(exposed(t, value, hiddenAt));
    for (const key of candidates) {
      const id = key.slice(0, key.lastIndexOf("|"));
      setCell(id, t, undefined);
      const single = (linesOf.get(id) ?? []).some((l) => {
        const all = [l.sum, ...l.members];
        return !all.some((x) => value(x) === null) && all.filter(hiddenAt).length === 1;
      });
      // Only whether anything is newly exposed matters: the values exposed before are not solved again
      // (in a month with values no hiding protects they were most of the pruning's solves), and the
      // search stops at the first one.
      let needed = single || exposed(t, value, hiddenAt, exposedBefore, true, cellAt(id, t)).length > 0;
      if (!needed && overTime) {
        decideSums(t);
        const g = programmeOverTime(t, false);
        needed = pinnedWithPool(pool, g.programme, g.open, g.cellOf, { any: true, fixed: cellAt(id, t), parts: g.parts }).length > 0;
      }
      if (needed) setCell(id, t, "protects");
    }
    if (overTime) decideSums(t);
  }

  // A cached plan through the last month needs no solving; the helpers above still answer its fresh sums.
  if (prior !== undefined && monthIndex(prior.through) >= monthIndex(input.to)) return plan;

  // Dense tables for the attacker over time (area × category × month from the plan's first month):
  // N (−1 unavailable), hidden cells (0 shown, 1 small, 2 protects) and the report months' window sums
  // (×2: ytd, rolling; same codes). String keys were most of the cost of building its programme.
  const A = areas.length;
  const C = categories.length;
  const first = monthIndex(input.from);
  const M = monthIndex(input.to) - first + 1;
  const areaIdx = new Map(areas.map((a, i) => [a, i]));
  const catIdx = new Map(categories.map((c, i) => [c, i]));
  const scopedIdx = Uint8Array.from(areas, (a) => (inScope(a) ? 1 : 0));
  const truthArr = new Int32Array(A * C * M);
  areas.forEach((a, ai) => categories.forEach((c, ci) => {
    for (let mi = 0; mi < M; mi++) truthArr[(ai * C + ci) * M + mi] = count(a, c, monthFromIndex(first + mi)) ?? -1;
  }));
  const hiddenArr = new Uint8Array(A * C * M);
  const sumArr = new Uint8Array(A * C * M * 2);
  /** The dense line (area × category) of cell id `area|category`. */
  const lineOf = (id: string) => mustGet(areaIdx, areaOf(id), "area") * C + mustGet(catIdx, categoryOf(id), "category");
  const lineCells = lines.map((l) => [l.sum, ...l.members].map(lineOf));
  const kindCode = (kind: HiddenKind | undefined) => (kind === undefined ? 0 : kind === "small" ? 1 : 2);
  const realHidden = (at: number) => elem(hiddenArr, at);
  const cellAt = (id: string, t: YearMonth) => lineOf(id) * M + monthIndex(t) - first;
  /** The area index of dense cell `at`. */
  const areaIndexOf = (at: number) => Math.floor(at / (C * M));
  /** The cell id `area|category` of dense cell `at` (its month is `at % M`). */
  const idOfCell = (at: number) => `${elem(areas, areaIndexOf(at))}|${elem(categories, Math.floor(at / M) % C)}`;
  /** The index in `sumArr` of report month `ri`'s window sum of line (ai, ci). */
  const sumAt = (ai: number, ci: number, ri: number, kind: WindowKind) => ((ai * C + ci) * M + ri) * 2 + (kind === "ytd" ? 0 : 1);
  /**
   * Feasible points of the latest programmes over time (the attacker's, not the worst case's), newest
   * first, by dense cell (a cell not given was known: its true value): witnesses offered to the next checks.
   */
  type Point = Map<number, number>;
  const pool: Point[] = [];
  const POOL = 24;
  /** The same for the month's own table (its programme has no window sums), from the month's start. */
  const monthPool: Point[] = [];

  // The months a prior plan decided, into the dense tables.
  const start = prior === undefined ? input.from : addMonths(prior.through, 1);
  for (let mi = 0; mi < monthIndex(start) - first; mi++) mirrorMonth(mi);
  for (const [key, kind] of sums) {
    // `area|category|month|kind`, as setSum writes it.
    const [a = "", c = "", t = "", sumKind] = key.split("|");
    const ai = areaIdx.get(a);
    const ci = catIdx.get(c);
    const ri = monthIndex(t) - first;
    // The cache reader admits only the keys setSum writes: any other kind is a bug, not a window to guess.
    if (sumKind !== "ytd" && sumKind !== "rolling") throw new Error(`suppression plan: a sum's key of unknown kind: ${key}`);
    if (ai !== undefined && ci !== undefined && ri >= 0 && ri < M) sumArr[sumAt(ai, ci, ri, sumKind)] = kindCode(kind);
  }
  for (let t = start; monthIndex(t) <= monthIndex(input.to); t = addMonths(t, 1)) {
    const month = t;
    const value = (id: string) => count(areaOf(id), categoryOf(id), month);
    const hiddenAt = (id: string) => cells.has(`${id}|${month}`);
    const hide = (id: string) => {
      if (!cells.has(`${id}|${month}`)) setCell(id, month, isSmall(value(id)) ? "small" : "protects");
    };
    monthPool.length = 0;
    // 1. Small values.
    for (const a of scoped) for (const c of categories) if (isSmall(value(`${a}|${c}`))) hide(`${a}|${c}`);
    // 2. Complements: every line with a hidden cell gets a second one, preferring the `okant` cell and
    //    large values (a large complement can absorb the small value's change in both directions).
    settle(value, hiddenAt, hide, (id) => complementCost(id, month));
    // 3. The attacker's LP over the month's table: repair until every small value keeps two integers.
    //    What the month's table pins whatever is hidden is pinned over time too: given up there at once.
    for (const id of repairMonth(month, value, hiddenAt, hide)) givenUp.set(`${id}|${month}`, month);
    // 4. Drop complements that turned out unnecessary (newest first), so every "protects" cell is needed.
    pruneMonth(month, value);
    // 5. The month's window sums (see `decideSums`).
    decideSums(month);
    // 6. The attacker's LP over everything published up to this month: repair until every small value
    //    (of any month so far, and every small sum) keeps two integers, or no hiding can help.
    const before = cells.size;
    repairOverTime(month, value, hiddenAt, hide);
    // 7. If the repairs hid more, drop every complement of the month no longer needed (newest first), as
    //    in step 4 but against the attacker over time: a repair's cell may protect what an earlier one did.
    if (cells.size > before) prune(month, value, protectsOf(month), true);
  }
  return plan;

  /** Month t's "protects" cells by key, newest decision first (the pruning's order before any other). */
  function protectsOf(t: YearMonth): string[] {
    return [...cells.entries()].filter(([key, kind]) => kind === "protects" && key.endsWith(`|${t}`)).map(([key]) => key).reverse();
  }

  /**
   * What hiding cell `id` of month index `ti` costs in window sums: its line's 12-month sums are hidden
   * for a year and its year-to-date sums for the rest of the year, unless a month already hidden in
   * those windows has done so (0 to 5).
   */
  function sumsLost(id: string, ti: number): number {
    const base = lineOf(id) * M;
    const hiddenSince = (u0: number) => {
      for (let u = Math.max(0, u0); u < ti; u++) if (hiddenArr[base + u] !== 0) return true;
      return false;
    };
    return (hiddenSince(ti - 11) ? 0 : 3) + (hiddenSince(ti - ((first + ti) % 12)) ? 0 : 2);
  }

  /** A complement's cost: the `okant` cell first, large values (room both ways), lines whose sums are hidden already. */
  function complementCost(id: string, t: YearMonth): number {
    return (areaOf(id) === OKANT ? 0 : 10) - Math.min(count(areaOf(id), categoryOf(id), t) ?? 0, 2 * k) / k + 5 * sumsLost(id, monthIndex(t) - first);
  }

  /**
   * Hides cell `id` of month t (or shows it: undefined) in both tables: `cells`, the decisions by key,
   * and `hiddenArr`, the dense copy the attacker over time and the sums read.
   */
  function setCell(id: string, t: YearMonth, kind: HiddenKind | undefined): void {
    if (kind === undefined) cells.delete(`${id}|${t}`);
    else cells.set(`${id}|${t}`, kind);
    hiddenArr[cellAt(id, t)] = kindCode(kind);
  }

  /** Month index `mi`'s hidden cells from `cells` into the dense table (the months a prior plan decided). */
  function mirrorMonth(mi: number): void {
    const t = monthFromIndex(first + mi);
    for (let ai = 0; ai < A; ai++) for (let ci = 0; ci < C; ci++) hiddenArr[(ai * C + ci) * M + mi] = kindCode(cells.get(`${areas[ai]}|${categories[ci]}|${t}`));
  }

  /** Report month `ri`'s window in line (ai, ci): its sum, the sum of its shown months and its hidden months; null when unavailable. */
  function windowOf(ai: number, ci: number, ri: number, kind: WindowKind, hiddenAtMonth: (at: number, u: number) => number): { sum: number; visible: number; hidden: number[] } | null {
    const length = kind === "ytd" ? ((first + ri) % 12) + 1 : 12;
    if (ri - length + 1 < 0) return null;
    const base = (ai * C + ci) * M;
    let sum = 0;
    let visible = 0;
    const hidden: number[] = [];
    for (let u = ri - length + 1; u <= ri; u++) {
      const v = elem(truthArr, base + u);
      if (v < 0) return null;
      sum += v;
      if (hiddenAtMonth(base + u, u) !== 0) hidden.push(u);
      else visible += v;
    }
    return { sum, visible, hidden };
  }

  /**
   * The month's window sums: a small one is labelled "small" (property 1), one without hidden months is
   * shown, one over any hidden month is hidden ("protects"). Two consecutive sums give a month back
   * (ytd(m) − ytd(m−1) = N(m), rolling(m) − rolling(m−1) = N(m) − N(m−12)), so a sum over a single hidden
   * month can never be shown; a sum over several was tried (shown unless it or its difference with a
   * shown sum isolates one hidden month, the attacker over time repairing the rest) and measured on the
   * sample 2025-10..2026-10: 87.5 % of the area sums hidden instead of 90 %, 1 % fewer "protects"
   * cells, at 4× the plan's time — the sums' relations tie the hidden months of different series together
   * so that the repairs hide what the shown sums saved.
   */
  function decideSums(t: YearMonth): void {
    const ri = monthIndex(t) - first;
    for (const kind of ["ytd", "rolling"] as const) {
      for (const [ai, a] of areas.entries()) {
        if (scopedIdx[ai] !== 1) continue;
        for (const [ci, c] of categories.entries()) {
          const key = `${a}|${c}|${t}|${kind}`;
          const w = windowOf(ai, ci, ri, kind, realHidden);
          let decision: HiddenKind | undefined;
          if (w === null) decision = undefined;
          else if (isSmall(w.sum)) decision = "small";
          else if (w.hidden.length > 0) decision = "protects";
          setSum(key, ai, ci, ri, kind, decision);
        }
      }
    }
  }

  function setSum(key: string, ai: number, ci: number, ri: number, kind: WindowKind, hidden: HiddenKind | undefined): void {
    if (hidden === undefined) sums.delete(key);
    else sums.set(key, hidden);
    sumArr[sumAt(ai, ci, ri, kind)] = kindCode(hidden);
  }

  /**
   * The attacker's programme over every month from the plan's first to `t`: unknowns are the hidden
   * cells; relations each month's lines and every report month's window sums (shown: the sum of its
   * hidden months; "small": 1..k−1; "protects": ≥ k, or ≥ 0 when it is 0); targets every small cell and
   * small sum — the attacker of the audit (test/helpers/suppression-audit.ts), written independently.
   * With `worst`, every value of month t in scope is hidden and only what property 1 forces is said of
   * it (the labels): what the plan could at most do for month t, the earlier months as decided.
   * `fresh` flags the unknowns and relations that month t adds: only their components can have changed.
   */
  function programmeOverTime(t: YearMonth, worst: boolean) {
    const ti = monthIndex(t) - first;
    // Months before the horizon count as known: a stronger attacker than the real one, so the check errs
    // on the safe side, and the programme stays the same size however long the history. In the worst
    // case too (it gives up a value the stronger attacker pins; on the sample the audit, which knows only
    // what the files publish, still finds nothing to recover, and the plan costs 30 % less).
    const horizon = Math.max(0, ti - HORIZON_MONTHS);
    const hiddenOf = (at: number, u: number) => (u < horizon ? 0 : worst && u === ti ? (scopedIdx[areaIndexOf(at)] === 1 ? (isSmall(elem(truthArr, at)) ? 1 : 2) : 0) : elem(hiddenArr, at));
    const unknownOf = new Int32Array(A * C * M).fill(-1);
    const lower: number[] = [];
    const upper: number[] = [];
    const fresh: number[] = [];
    const cellTargets: Array<[number, number]> = [];
    /** The dense cell of each unknown. */
    const cellOf: number[] = [];
    const unknown = (at: number, u: number): number => {
      const kind = hiddenOf(at, u);
      if (kind === 0) return -1;
      let i = elem(unknownOf, at);
      if (i < 0) {
        const v = elem(truthArr, at);
        i = unknownOf[at] = lower.length;
        cellOf.push(at);
        lower.push(kind === 1 ? 1 : v >= k ? k : 0);
        upper.push(kind === 1 ? k - 1 : Infinity);
        if (u === ti) fresh.push(i);
        if (kind === 1) cellTargets.push([i, at]);
      }
      return i;
    };
    const relations: Relation[] = [];
    /** Every small cell and small sum, with its decision's key. */
    const targets: Array<Target & { key: string }> = [];
    for (let u = horizon; u <= ti; u++) {
      for (const line of lineCells) {
        if (line.some((lc) => elem(truthArr, lc * M + u) < 0)) continue;
        const terms: Relation["terms"] = [];
        let constant = 0;
        line.forEach((lc, j) => {
          const coef = j === 0 ? -1 : 1;
          const v = unknown(lc * M + u, u);
          if (v >= 0) terms.push({ v, coef });
          else constant += coef * elem(truthArr, lc * M + u);
        });
        if (terms.length > 0) relations.push({ terms, lo: -constant, hi: -constant });
      }
    }
    for (let ri = horizon; ri <= ti; ri++) {
      for (const kind of ["ytd", "rolling"] as const) {
        for (let ai = 0; ai < A; ai++) {
          if (scopedIdx[ai] !== 1) continue;
          for (let ci = 0; ci < C; ci++) {
            const w = windowOf(ai, ci, ri, kind, hiddenOf);
            if (w === null || w.hidden.length === 0) continue;
            const terms = w.hidden.map((u) => ({ v: unknown((ai * C + ci) * M + u, u), coef: 1 }));
            // In the worst case a sum of month t is hidden too, and a hidden sum is labelled all the same.
            const code = worst && ri === ti ? (isSmall(w.sum) ? 1 : 2) : elem(sumArr, sumAt(ai, ci, ri, kind));
            const rest = w.sum - w.visible;
            if (code === 0) relations.push({ terms, lo: rest, hi: rest });
            else if (code === 1) {
              relations.push({ terms, lo: 1 - w.visible, hi: k - 1 - w.visible });
              targets.push({ vars: terms.map((x) => x.v), truth: rest, lo: 1 - w.visible, hi: k - 1 - w.visible, key: `${areas[ai]}|${categories[ci]}|${monthFromIndex(first + ri)}|${kind}` });
            } else relations.push({ terms, lo: (w.sum >= k ? k : 0) - w.visible, hi: Infinity });
            const head = terms[0];
            if (ri === ti && head !== undefined) fresh.push(head.v);
          }
        }
      }
    }
    for (const [i, at] of cellTargets) {
      targets.push({ vars: [i], truth: elem(truthArr, at), lo: 1, hi: k - 1, key: `${idOfCell(at)}|${monthFromIndex(first + (at % M))}` });
    }
    const programme = { lower, upper, relations };
    // Targets in a component month t touches; the others' relations are as they were a month ago.
    const parts = components(programme);
    const touched = new Set(fresh.map((v) => elem(parts.of, v)));
    const open = targets.filter((target) => !givenUp.has(target.key) && target.vars.some((v) => touched.has(elem(parts.of, v))));
    return { programme, parts, targets, open, cellOf };
  }

  /**
   * The targets a programme over the dense cells `cellOf` pins (with `any`, one of them if there are
   * any). The points of earlier programmes kept in `into` (`pool` over time, `monthPool` for the month's
   * table) are offered as witnesses first; with `fixed` (a dense cell just shown, the pruning's
   * candidate) also the pairs of them that meet at its true value (`seedsOf`). The points this check
   * solves join `into`: most targets of the next check keep a point that moves them.
   */
  function pinnedWithPool<T extends Target>(into: Point[], programme: Programme, targets: readonly T[], cellOf: ArrayLike<number>, opts: { any?: boolean; fixed?: number; parts?: ReturnType<typeof components> }): T[] {
    if (targets.length === 0) return [];
    const truth = Float64Array.from(cellOf, (at) => elem(truthArr, at));
    const found: Float64Array[] = [];
    // Witness points settle most targets with a few solves; the rest are solved one by one.
    const pinned = pinnedTargets(programme, targets, { any: opts.any ?? false, seeds: seedsOf(into, cellOf, opts.fixed), truth, found, ...(opts.parts ? { parts: opts.parts } : {}) });
    remember(into, cellOf, found);
    return pinned;
  }

  /**
   * Witnesses for a programme whose unknowns are the dense cells `cellOf`: the points of `from` (a cell
   * a point does not give is at its true value), and with `fixed` (a dense cell just shown, the pruning's
   * candidate) only those at its true value plus, for every pair on either side of it, the mix of the
   * two that meets it there: the set of feasible points is convex, so the mix satisfies every relation
   * both did and shows the cell as it is. `pinnedTargets` checks each point against the programme itself
   * before it counts, so a stale one costs a check, never a wrong answer.
   */
  function seedsOf(from: Point[], cellOf: ArrayLike<number>, fixed?: number): Seed[] {
    // Read on demand: most are never read beyond a target or two (see `Seed`).
    const toSeed = (q: Point) => (v: number) => {
      const at = elem(cellOf, v);
      return q.get(at) ?? elem(truthArr, at);
    };
    if (fixed === undefined) return from.map(toSeed);
    const real = elem(truthArr, fixed);
    const at = (q: Point) => q.get(fixed) ?? real;
    const seeds = from.filter((q) => Math.abs(at(q) - real) <= 1e-9).map(toSeed);
    const below = from.filter((q) => at(q) < real - 1e-9).map((q) => ({ value: at(q), seed: toSeed(q) }));
    for (const q of from.filter((x) => at(x) > real + 1e-9)) {
      const qs = toSeed(q);
      for (const { value: bv, seed: bs } of below) {
        const lam = (real - bv) / (at(q) - bv);
        seeds.push((v) => lam * qs(v) + (1 - lam) * bs(v));
      }
    }
    return seeds;
  }

  /** Keeps the newest of the points `found` (by unknown of a programme over the dense cells `cellOf`) in `into`, newest first. */
  function remember(into: Point[], cellOf: ArrayLike<number>, found: Float64Array[]): void {
    for (const x of found.slice(-POOL)) {
      const q: Point = new Map();
      for (let i = 0; i < cellOf.length; i++) q.set(elem(cellOf, i), elem(x, i));
      into.unshift(q);
    }
    into.length = Math.min(into.length, POOL);
  }

  /**
   * Repairs month t against the attacker over time. For each small value the attacker pins, a point is
   * sought in the worst case for month t (every value of month t in scope hidden with its label, the
   * earlier months as decided) that moves the value by at least 1 while changing as few of month t's
   * shown cells as possible (`nearestMove`; the `okant` cell cheapest, a total dearest, as in the
   * complements). Hiding exactly the cells that point changes makes it a point of what is then published,
   * so the value keeps two integers. No such point: nothing decided for month t can protect the value
   * (e.g. a 12-month sum of 1 followed by one of 2 beside a shown 0, or the kommun's 1 under
   * `applies_to: areas`); it is given up, and hiding more would only lose information.
   */
  function repairOverTime(t: YearMonth, value: (id: string) => number | null, hiddenAt: (id: string) => boolean, hide: (id: string) => void): void {
    const ti = monthIndex(t) - first;
    for (let round = 0; round < 40; round++) {
      const g = programmeOverTime(t, false);
      const pinned = pinnedWithPool(pool, g.programme, g.open, g.cellOf, { parts: g.parts }).map((target) => target.key);
      if (pinned.length === 0) return;
      const w = programmeOverTime(t, true);
      const byKey = new Map(w.targets.map((target) => [target.key, target]));
      const targetOf = (key: string) => mustGet(byKey, key, "target of the worst case");
      const costed: Array<{ v: number; truth: number; cost: number; id: string }> = [];
      w.cellOf.forEach((at, v) => {
        if (at % M !== ti || hiddenArr[at] !== 0) return;
        const id = idOfCell(at);
        costed.push({ v, truth: elem(truthArr, at), id, cost: (areaOf(id) === OKANT ? 1 : 3) + 5 * sumsLost(id, ti) + (isTotalId(categoryOf(id)) ? TOTAL_COST : 0) });
      });
      let progress = false;
      // Pinned in the worst case too (most of them, month after month: the kommun's small figures): given
      // up in one batch; a point is sought only for the others.
      const inWorst = pinnedTargets(w.programme, pinned.map(targetOf), { parts: w.parts });
      for (const target of inWorst) (givenUp.set(target.key, t), (progress = true));
      for (const x of pinned) {
        if (givenUp.has(x)) continue;
        const point = nearestMove(w.programme, targetOf(x), costed, w.parts);
        if (point === null) {
          givenUp.set(x, t);
          progress = true;
          continue;
        }
        for (const c of costed) {
          const moved = point.get(c.v);
          if (moved !== undefined && Math.abs(moved - c.truth) > 1e-6 && !hiddenAt(c.id)) (hide(c.id), (progress = true));
        }
      }
      if (!progress) {
        for (const x of pinned) givenUp.set(x, t);
        return;
      }
      settle(value, hiddenAt, hide, (id) => complementCost(id, t));
      repairMonth(t, value, hiddenAt, hide);
      decideSums(t);
    }
  }
}

/** Counts of hidden cells of one month's published indicators (count fields and series points of the
 * configured areas and `okant`), for the run's closing log and the spec's loss property. */
export function suppressionCounts(published: Indicators): SuppressionCounts {
  const out = { small: 0, protects: 0, cells: 0 };
  const tally = (kind: unknown) => {
    out.cells++;
    if (kind === "small") out.small++;
    else if (kind === "protects") out.protects++;
  };
  for (const area of published.areas) {
    if (area.id === KOMMUN) continue;
    for (const e of area.incidents) {
      for (const f of COUNT_FIGURES) tally(figureGroup(e, f.group)[`${f.key}_suppressed`]);
      for (const p of e.series) tally(p.suppressed);
    }
  }
  return out;
}

/** The counts of the figures table (model/figures.ts), each hidden with the plan's decision for its span. */
const COUNT_FIGURES = INCIDENT_FIGURES.flatMap((f) => (f.count === null ? [] : [{ ...f, count: f.count }]));
/**
 * The figures of the table by group and key: a count or a derived figure (hidden as "protects" when any
 * of the counts it is computed from is hidden, spec/indicators.md "Suppression").
 */
const FIGURE_BY_KEY = new Map(INCIDENT_FIGURES.map((f) => [`${f.group}.${f.key}`, f]));
/** The groups of an entry's figures, in no particular order (each group keeps its own key order). */
const GROUPS: ReadonlySet<string> = new Set(INCIDENT_FIGURES.map((f) => f.group));
/** Trend figures that reveal N(m) and the baseline sum; the verdict and `baseline_years` reveal no count. */
const TREND_DERIVED: ReadonlySet<string> = new Set(["p_value", "q_value", "baseline_mean"]);

/**
 * The published copy of one month's indicators under the plan. With k ≤ 1 (or no plan) nothing is hidden
 * and `ind` itself is returned, not a copy: at 312 areas the deep copy was 5 % of a warm run (issue 20),
 * and nothing downstream writes to the published indicators (writeMonth spreads a new top level for the
 * revision; rendering and the data files only read them: test/unit/app/write-month-readonly.test.ts
 * renders and writes a deep-frozen month). Kommun entries are left whole unless `applies_to: all`.
 */
export function suppressIndicators(ind: Indicators, plan: SuppressionPlan | null): Indicators {
  if (plan === null || plan.rule.min_count <= 1) return ind;
  const out = structuredClone(ind);
  out.areas = ind.areas.map((area) => ({ ...structuredClone(area), incidents: area.incidents.map((e) => hideEntry(area, e, ind.month, plan)) }));
  return out;
}

function hideEntry(area: AreaEntry, entry: IncidentEntry, m: YearMonth, plan: SuppressionPlan): IncidentEntry {
  const a = area.id;
  const c = entry.category;
  const cell = (t: YearMonth) => plan.cell(a, c, t);
  // The hidden kind of every count, by `group.key` (unavailable values are never hidden).
  const kinds = new Map<string, HiddenKind | undefined>();
  for (const f of COUNT_FIGURES) {
    const t = addMonths(m, f.count.shift);
    kinds.set(`${f.group}.${f.key}`, f.count.window === "month" ? cell(t) : plan.sum(a, c, t, f.count.window));
  }
  const countKind = entry.month.count === null ? undefined : kinds.get("month.count");
  // Each group rebuilt in its own key order, a hidden figure's flag right after it.
  const hideGroup = (group: FigureGroup): Record<string, unknown> => {
    const src = figureGroup(entry, group);
    const obj: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(src)) {
      if (key.endsWith("_suppressed")) continue; // a copy of published figures carries its own flags: decide anew
      const f = FIGURE_BY_KEY.get(`${group}.${key}`);
      let kind: HiddenKind | undefined;
      if (f?.count) kind = v === null ? undefined : kinds.get(`${group}.${key}`);
      else if (f) {
        // Unavailable wins: a derived figure of an unavailable input is a plain null.
        const unavailable = f.from.some((i) => src[i] === null);
        kind = !unavailable && f.from.some((i) => kinds.get(`${group}.${i}`) !== undefined) ? "protects" : undefined;
      }
      obj[key] = kind ? null : v;
      if (kind) obj[`${key}_suppressed`] = kind;
    }
    return obj;
  };
  const replaced: Record<string, unknown> = {
    suppressed: countKind !== undefined,
    ...hideTrend(entry, countKind, m, cell),
    series: entry.series.map((p) => {
      const kind = p.count === null ? undefined : cell(p.month);
      const point = kind ? { month: p.month, count: null, suppressed: kind } : { month: p.month, count: p.count };
      if (p.normal_low === undefined) return point;
      // The band of normal variation is derived from the point's baseline months (up to three years back):
      // hidden as "protects" when any of them is hidden, as baseline_mean is.
      if (p.normal_low !== null && baselineMonths(p.month, MAX_BASELINE_YEARS).some((b) => cell(b) !== undefined)) {
        return { ...point, normal_low: null, normal_high: null, normal_suppressed: "protects" as const };
      }
      return { ...point, normal_low: p.normal_low, normal_high: p.normal_high ?? null, ...(p.normal_suppressed ? { normal_suppressed: p.normal_suppressed } : {}) };
    }),
  };
  // Keys in the entry's own order, with `trend_suppressed` right after `trend` (the file diffs cleanly).
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(entry)) {
    if (key === "trend_suppressed") continue;
    out[key] = isGroup(key) ? hideGroup(key) : key in replaced ? replaced[key] : v;
    if (key === "trend" && replaced.trend_suppressed !== undefined) out.trend_suppressed = replaced.trend_suppressed;
  }
  // The entry's own keys, its figures nulled where hidden with the `<key>_suppressed` flags the schema
  // declares beside each (model/indicators.ts): an IncidentEntry again, built key by key to keep the order.
  return out as IncidentEntry;
}

function isGroup(key: string): key is FigureGroup {
  return GROUPS.has(key);
}

/** The trend: gone when N(m) is hidden; its figures hidden when a baseline month is. Key order kept. */
function hideTrend(entry: IncidentEntry, countKind: HiddenKind | undefined, m: YearMonth, cell: (t: YearMonth) => HiddenKind | undefined): { trend: Record<string, unknown> | null; trend_suppressed?: HiddenKind } {
  if (countKind !== undefined) return { trend: null, trend_suppressed: countKind };
  const t = entry.trend;
  if (t === null) return { trend: null };
  const baselineHidden = trendBaseline(m, t.baseline_years).some((b) => cell(b) !== undefined);
  if (!baselineHidden) return { trend: Object.fromEntries(Object.entries(t).filter(([key]) => !key.endsWith("_suppressed"))) };
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(t)) {
    if (key.endsWith("_suppressed") || key.endsWith("_below")) continue;
    if (TREND_DERIVED.has(key) && v !== null) {
      out[key] = null;
      out[`${key}_suppressed`] = "protects";
    } else out[key] = v;
  }
  return { trend: out };
}

/**
 * The plan's first month: the first month any incident source covers. It depends on the data only, never
 * on the months asked for, so every run reaches the same decisions for a month (see the file comment).
 */
export function planStart(indicators: Indicators): YearMonth | null {
  const froms = indicators.sources.flatMap((s) => (s.kind === "incidents" && s.covers.from !== null ? [s.covers.from] : []));
  froms.sort();
  return froms[0] ?? null;
}
