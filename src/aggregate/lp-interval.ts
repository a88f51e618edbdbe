/**
 * The attacker's linear programme of spec/indicators.md "Suppression", property 2, solved with HiGHS
 * (compiled to WebAssembly, npm `highs`): given linear relations between unknown values and bounds on
 * each, which values a sum of unknowns can take. `pinnedTargets` is the suppression plan's test of a
 * month's pattern; `intervals` (the exact smallest and largest value) serves the audit test over a whole
 * output folder and the rare target that spans several pieces.
 *
 * The programme falls apart into independent pieces (a hidden cell of one month shares no relation
 * with another month's, unless a published sum joins them), so each target is solved over its own
 * connected component only: a few dozen unknowns instead of thousands.
 */
import highsModule, { type Highs } from "highs";
import { append } from "../core/append.ts";
import { addAt, at, mustGet } from "../core/checked.ts";

// The package's types describe an ES default export while its `types` entry is read as CommonJS under
// NodeNext: take the loader from wherever the runtime put it.
const loadHighs = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as unknown as () => Promise<Highs>;
let solver: Highs | null = null;

/** Loads HiGHS once per process (the WebAssembly module is compiled on first use). */
export async function loadSolver(): Promise<void> {
  solver ??= await loadHighs();
}

/** The loaded solver; the callers are synchronous, so `loadSolver()` must have run first. */
function highs(): Highs {
  if (solver === null) throw new Error("loadSolver() first");
  return solver;
}

export interface Relation {
  /** Unknowns and their coefficients. */
  terms: Array<{ v: number; coef: number }>;
  lo: number;
  hi: number;
}

export interface Programme {
  lower: number[];
  upper: number[];
  relations: Relation[];
}

/** A bound as HiGHS takes it: `infinity` for an unbounded side (undefined never occurs: callers index within the programme). */
function finite(v: number | undefined, infinity: number): number {
  return v !== undefined && Number.isFinite(v) ? v : infinity;
}

/**
 * Union–find (path halving) over the items 0 … count − 1: `joins` calls `join(a, b)` for every pair to put
 * in one set (a's set joins b's); returns each item's root. `components` joins unknowns by relations,
 * `settleLocally` a component's columns by equalities.
 */
function unionRoots(count: number, joins: (join: (a: number, b: number) => void) => void): Int32Array {
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const find = (x: number): number => {
    while (at(parent, x) !== x) x = parent[x] = at(parent, at(parent, x));
    return x;
  };
  joins((a, b) => (parent[find(a)] = find(b)));
  for (let i = 0; i < count; i++) parent[i] = find(i);
  return parent;
}

/**
 * Components of the unknowns, joined by relations (union–find): each unknown's root (`of`), and by root
 * the component's relations and its unknowns in ascending order (`membersOf`), which each solve of a
 * component reads (a scan of every unknown per solve was quadratic in a programme over time).
 */
export function components(p: Programme): { of: number[]; relationsOf: Map<number, Relation[]>; membersOf: Map<number, number[]> } {
  const of = Array.from(
    unionRoots(p.lower.length, (join) => {
      for (const r of p.relations) {
        const head = r.terms[0];
        if (head !== undefined) for (const t of r.terms) join(t.v, head.v);
      }
    }),
  );
  const relationsOf = new Map<number, Relation[]>();
  for (const r of p.relations) {
    const head = r.terms[0];
    if (head === undefined) continue;
    const root = at(of, head.v);
    append(relationsOf, root, r);
  }
  const membersOf = new Map<number, number[]>();
  of.forEach((root, i) => append(membersOf, root, i));
  return { of, relationsOf, membersOf };
}

/**
 * [min, max] of Σ target unknowns (all in one component, or each component solved on its own and
 * added) subject to the programme. Throws if the programme is infeasible (the published figures
 * contradict themselves: a bug, never an attacker's doing).
 */
export function intervals(p: Programme, targets: number[][]): Array<[number, number]> {
  const solver = highs();
  const { of, relationsOf, membersOf } = components(p);
  const name = (i: number) => `x${i}`;
  // One persistent HiGHS model per component, re-solved with a new objective for each target (warm
  // start from the last basis); parsing the model once per target would dominate the run time.
  type ModelOf = ReturnType<Highs["createModel"]>;
  const models = new Map<number, { model: ModelOf; col: Map<number, number>; costed: number[] }>();
  const modelOf = (root: number) => {
    let m = models.get(root);
    if (m) return m;
    const rel = relationsOf.get(root) ?? [];
    const members = membersOf.get(root) ?? [];
    const lines: string[] = [];
    rel.forEach((r, j) => {
      const expr = r.terms.map((x) => `${x.coef >= 0 ? "+" : "-"} ${Math.abs(x.coef)} ${name(x.v)}`).join(" ");
      if (r.lo === r.hi) lines.push(` r${j}: ${expr} = ${r.lo}`);
      else {
        if (Number.isFinite(r.lo)) lines.push(` r${j}a: ${expr} >= ${r.lo}`);
        if (Number.isFinite(r.hi)) lines.push(` r${j}b: ${expr} <= ${r.hi}`);
      }
    });
    // A component without relations is one unknown, its root.
    const only = members[0] ?? root;
    if (lines.length === 0) lines.push(` r_none: ${name(only)} >= ${p.lower[only]}`);
    const bounds = members.map((i) => ` ${p.lower[i]} <= ${name(i)}${Number.isFinite(at(p.upper, i)) ? ` <= ${p.upper[i]}` : ""}`).join("\n");
    const objective = members.map((i) => `+ 0 ${name(i)}`).join(" ");
    const model = solver.createModel({ format: "lp", data: `Minimize\n obj: ${objective}\nSubject To\n${lines.join("\n")}\nBounds\n${bounds}\nEnd` });
    model.options.set({ output_flag: false });
    const col = new Map(members.map((i) => [i, model.getColByName(name(i))]));
    m = { model, col, costed: [] };
    models.set(root, m);
    return m;
  };
  const status = solver.constants.modelStatus;
  const sense = solver.constants.objectiveSense;
  try {
    return targets.map((target) => {
      const byRoot = new Map<number, number[]>();
      for (const v of target) append(byRoot, at(of, v), v);
      let lo = 0;
      let hi = 0;
      for (const [root, vs] of byRoot) {
        const m = modelOf(root);
        for (const c of m.costed) m.model.changeColCost(c, 0);
        m.costed = vs.map((v) => mustGet(m.col, v, "column"));
        for (const c of m.costed) m.model.changeColCost(c, 1);
        for (const dir of ["min", "max"] as const) {
          m.model.changeObjectiveSense(dir === "min" ? sense.minimize : sense.maximize);
          m.model.run();
          const st = m.model.getModelStatus();
          let value: number;
          if (st === status.optimal) value = m.model.getObjectiveValue();
          else if (dir === "max" && (st === status.unbounded || st === status.unboundedOrInfeasible)) value = Infinity;
          else throw new Error(`suppression LP: status ${st}`);
          if (dir === "min") lo += value;
          else hi += value;
        }
      }
      return [lo, hi];
    });
  } finally {
    for (const m of models.values()) m.model.dispose();
  }
}

/** A value to protect: a sum of unknowns (one unknown for a cell, a window for a sum) and its true value. */
export interface Target {
  vars: number[];
  truth: number;
  /** The smallest and largest value the target may take whatever else is published (1 and k − 1). */
  lo: number;
  hi: number;
}

/** Whether a point where target `t` sums to `value` moves it by at least 1 (so `t` keeps two integers); 1e-6 allows for the solver's rounding. */
function movesBy1(t: Target, value: number): boolean {
  return Math.abs(value - t.truth) >= 1 - 1e-6;
}

/** Whether target `t` may move by 1 in direction `d` within its own bounds (1 … k − 1). */
function hasRoom(t: Target, d: 1 | -1): boolean {
  return d === 1 ? t.truth + 1 <= t.hi : t.truth - 1 >= t.lo;
}

/** The side a target has room on: up from its floor (1), down from its ceiling (k − 1); `flip` asks for the other. */
function roomDir(t: Target, flip = false): 1 | -1 {
  return hasRoom(t, 1) !== flip ? 1 : -1;
}

export interface PinnedOptions {
  /**
   * Stop at the first pinned target (the result then holds one, not necessarily the first): for a
   * caller that only asks whether anything is pinned (the plan's pruning, once per candidate cell).
   */
  any?: boolean;
  /**
   * Points already known, in the programme's numbering (every unknown's value): each is checked against
   * the programme's bounds and relations, and one that satisfies them settles every target it moves
   * without a solve. The plan passes the points of its recent programmes over time: a month's checks
   * differ by a cell or two, and most targets keep a point that moves them.
   */
  seeds?: readonly Seed[];
  /** A feasible point of the programme (the true values): with it, every point solved is added to `found` in full. */
  truth?: Float64Array;
  found?: Float64Array[];
  /** The programme's `components`, when the caller has them already. */
  parts?: ReturnType<typeof components>;
}

/**
 * A known point: every unknown's value, as an array or read on demand. The plan keeps its points by cell
 * and offers hundreds per check, most of which move no open target: read on demand, they are never
 * written out as arrays the size of the programme (that, and collecting them, was a fifth of the plan).
 */
export type Seed = Float64Array | ((v: number) => number);

/** Whether `x` satisfies the bounds of `members` and `relations` (within the solver's tolerances). */
function satisfies(p: Programme, x: Float64Array, members: readonly number[], relations: readonly Relation[]): boolean {
  return satisfiesAt(p, (i) => at(x, i), members, relations);
}

/** `satisfies` for a point read through `x`. */
function satisfiesAt(p: Programme, x: (v: number) => number, members: readonly number[], relations: readonly Relation[]): boolean {
  const tol = 1e-6;
  for (const i of members) {
    const v = x(i);
    if (!(v >= at(p.lower, i) - tol && v <= at(p.upper, i) + tol)) return false;
  }
  for (const r of relations) {
    let s = 0;
    for (const t of r.terms) s += t.coef * x(t.v);
    if (!(s >= r.lo - tol && s <= r.hi + tol)) return false;
  }
  return true;
}

/**
 * Outer bounds of every unknown of a component by bound propagation: each relation lo ≤ Σ a·x ≤ hi
 * bounds each of its unknowns by what the others can at most and at least contribute, repeated while
 * a bound moves. Every feasible point lies within the bounds returned (they only ever narrow by what a
 * relation implies), so a target whose bounds leave no room of 1 either way is pinned without a solve.
 * Exact rational arithmetic is not needed: the data are integers and coefficients ±1, and the callers
 * keep a margin far beyond rounding. Cheap where the LP is not: most values the plan finds pinned are
 * pinned by one or two relations (a small window sum over months labelled small, a kommun figure less
 * its shown areas), and each cost one or two solves of a component of thousands of unknowns.
 * `into`: tables the size of the whole programme to write the bounds in (only the members' entries are
 * written and read), so that a caller going through many components allocates them once, not per
 * component (which was quadratic: components × unknowns).
 */
export function propagatedBounds(
  p: Programme,
  members: readonly number[],
  relations: readonly Relation[],
  into: { lo: Float64Array; hi: Float64Array } = { lo: new Float64Array(p.lower.length), hi: new Float64Array(p.lower.length) },
): { lo: Float64Array; hi: Float64Array } {
  const { lo, hi } = into;
  for (const i of members) (lo[i] = at(p.lower, i), hi[i] = at(p.upper, i));
  const EPS = 1e-9;
  // Passes over every relation until no bound moves by more than EPS; a cap keeps a slow creep along
  // a long cycle (each pass narrowing a little) from running on: stopping early only leaves bounds wider.
  for (let pass = 0; pass < 30; pass++) {
    let moved = false;
    for (const r of relations) {
      // The least and most the relation's sum can be, with the number of unbounded contributions.
      let minAct = 0;
      let maxAct = 0;
      let minInf = 0;
      let maxInf = 0;
      for (const { v, coef } of r.terms) {
        const a = coef > 0 ? at(lo, v) : at(hi, v);
        const b = coef > 0 ? at(hi, v) : at(lo, v);
        if (Number.isFinite(a)) minAct += coef * a;
        else minInf++;
        if (Number.isFinite(b)) maxAct += coef * b;
        else maxInf++;
      }
      for (const { v, coef } of r.terms) {
        const lv = at(lo, v);
        const hv = at(hi, v);
        // What the other terms contribute at least and at most.
        const ownMin = coef > 0 ? lv : hv;
        const ownMax = coef > 0 ? hv : lv;
        const restMin = Number.isFinite(ownMin) ? (minInf === 0 ? minAct - coef * ownMin : -Infinity) : minInf === 1 ? minAct : -Infinity;
        const restMax = Number.isFinite(ownMax) ? (maxInf === 0 ? maxAct - coef * ownMax : Infinity) : maxInf === 1 ? maxAct : Infinity;
        // coef · x ≤ hi − restMin and coef · x ≥ lo − restMax.
        const up = r.hi - restMin;
        const down = r.lo - restMax;
        let newLo = lv;
        let newHi = hv;
        if (coef > 0) {
          if (Number.isFinite(up)) newHi = Math.min(newHi, up / coef);
          if (Number.isFinite(down)) newLo = Math.max(newLo, down / coef);
        } else {
          if (Number.isFinite(up)) newLo = Math.max(newLo, up / coef);
          if (Number.isFinite(down)) newHi = Math.min(newHi, down / coef);
        }
        if (newLo > lv + EPS || newHi < hv - EPS) {
          // The activities above used the old bounds: later terms of this relation are bounded by them
          // still, which is only wider (sound); the next pass uses the new ones.
          lo[v] = newLo;
          hi[v] = newHi;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return { lo, hi };
}

/**
 * A HiGHS model with zero costs over the unknowns `cols` (column j is `cols[j]`, `colOf` maps an unknown
 * back to its column, undefined for none) and the relations `rows`. A term whose unknown is no column is
 * held at its value in `held` and moves into its row's bounds (settleLocally's small LPs); without
 * `held` every term must be a column (a whole component's model).
 */
function componentModel(solver: Highs, p: Programme, cols: readonly number[], colOf: (v: number) => number | undefined, rows: readonly Relation[], held?: Float64Array) {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (const r of rows) {
    let fixed = 0;
    for (const t of r.terms) {
      const c = colOf(t.v);
      if (c !== undefined) (indices.push(c), values.push(t.coef));
      else if (held !== undefined) fixed += t.coef * at(held, t.v);
      else throw new Error(`componentModel: unknown ${t.v} of a relation is no column and has no held value`);
    }
    starts.push(indices.length);
    rowLower.push(Number.isFinite(r.lo) ? r.lo - fixed : -solver.infinity);
    rowUpper.push(Number.isFinite(r.hi) ? r.hi - fixed : solver.infinity);
  }
  const model = solver.createModel({
    numCols: cols.length,
    numRows: rows.length,
    colCost: new Float64Array(cols.length),
    colLower: cols.map((v) => at(p.lower, v)),
    colUpper: cols.map((v) => finite(p.upper[v], solver.infinity)),
    rowLower,
    rowUpper,
    matrix: { format: "csr", numRows: rows.length, numCols: cols.length, starts, indices, values },
  });
  // Its callers solve one model many times, changing only the objective: the last optimal basis stays
  // primal feasible, so the primal simplex goes on from it, where HiGHS's default dual simplex starts
  // from a dual infeasible basis. 20 areas, first plan: iterations over time 317k -> 130k, same verdicts
  // (a verdict is the LP's optimum, whichever vertex attains it).
  model.options.set({ output_flag: false, simplex_strategy: 4 });
  return model;
}

/**
 * Settles open targets (removes them from `open`) with points found by small LPs: for each group of
 * targets, the unknowns joined to theirs by equalities (the lines of one month's table: a hidden window
 * sum is an inequality, a label) are free and every other unknown of the component stays at its true value
 * (`truth`, a feasible point), so the relations that touch them become bounds on the free ones. Each
 * point solved there is a point of the whole programme with the rest at truth — checked against the
 * bounds it moves and every relation that holds a moved unknown before it counts (the others hold only
 * true values, and the truth is checked feasible once here) — and a sparse one, so as a witness it outlives
 * the later checks' changes far away. A few hundred unknowns instead of the thousands of a component
 * over 24 months; what does not move here (a pinned target, or one that needs room in other months) is
 * left open for the whole component's LP. A group whose equalities reach the whole component (a month's
 * own table, all equalities) is left to that LP at once: here it would only be the same LP again.
 */
function settleLocally(p: Programme, targets: readonly Target[], open: Set<number>, members: readonly number[], colOf: Int32Array, rel: readonly Relation[], truth: Float64Array, found?: Float64Array[]): void {
  // Every certificate below leans on the truth being a point of the programme: checked, not assumed.
  if (!satisfies(p, truth, members, rel)) throw new Error("settleLocally: the true values are not a feasible point of the programme");
  const solver = highs();
  const sense = solver.constants.objectiveSense;
  const status = solver.constants.modelStatus;
  // Unknowns joined by equalities (union–find over the component's columns), and the relations of each unknown.
  const relationsOfVar = new Map<number, Relation[]>();
  for (const r of rel) for (const t of r.terms) append(relationsOfVar, t.v, r);
  const rootCol = unionRoots(members.length, (join) => {
    for (const r of rel) {
      const head = r.terms[0];
      if (r.lo === r.hi && head !== undefined) for (const t of r.terms) join(at(colOf, t.v), at(colOf, head.v));
    }
  });
  // The root as an unknown (its column's), as the groups below are keyed and ordered by unknowns.
  const find = (v: number): number => at(members, at(rootCol, at(colOf, v)));
  const membersOfRoot = new Map<number, number[]>();
  for (const v of members) append(membersOfRoot, find(v), v);
  // Open targets grouped by the equality pieces their unknowns lie in.
  const groups = new Map<string, number[]>();
  for (const i of open) {
    const roots = [...new Set(at(targets, i).vars.map(find))].sort((a, b) => a - b);
    append(groups, roots.join(","), i);
  }
  for (const [key, ids] of groups) {
    const free: number[] = key.split(",").flatMap((root) => membersOfRoot.get(Number(root)) ?? []);
    if (free.length === members.length) continue;
    const col = new Map(free.map((v, j) => [v, j]));
    const rowSet = new Set<Relation>();
    for (const v of free) for (const r of relationsOfVar.get(v) ?? []) rowSet.add(r);
    const checked = [...rowSet];
    // The unknowns outside `free` hold their true values: their terms become the rows' bounds.
    const model = componentModel(solver, p, free, (v) => col.get(v), checked, truth);
    try {
      model.changeObjectiveSense(sense.maximize);
      let left = ids.filter((i) => open.has(i));
      const valueOf = (x: Float64Array, t: Target) => t.vars.reduce((s, v) => s + at(x, v), 0);
      /** Max Σ dir · target over the free unknowns; the settled targets leave `open` and `left`. */
      const tryDirs = (dirs: Map<number, number>): void => {
        const cost = new Float64Array(free.length);
        for (const [i, d] of dirs) for (const v of at(targets, i).vars) addAt(cost, mustGet(col, v, "column"), d);
        model.changeColsCost({ kind: "range", from: 0, to: free.length - 1 }, cost);
        model.run();
        // A solve that gives no usable point will give none again with the same objective: stop the rounds.
        if (model.getModelStatus() !== status.optimal) return void (stalled = true);
        const x = model.getSolution().colValue;
        const full = Float64Array.from(truth);
        free.forEach((v, j) => (full[v] = at(x, j)));
        // The certificate: the whole point, checked against the bounds of the unknowns it moves and every
        // relation that holds one of them (the others hold only true values, and the truth is feasible).
        if (!satisfies(p, full, free, checked)) return void (stalled = true);
        found?.push(full);
        const before = left.length;
        left = left.filter((i) => {
          const t = at(targets, i);
          if (!movesBy1(t, valueOf(full, t))) return true;
          open.delete(i);
          return false;
        });
        if (left.length === before) stalled = true;
      };
      const dirOf = (i: number, flip = false) => roomDir(at(targets, i), flip);
      let stalled = false;
      for (let round = 0; round < 4 && left.length > 0 && !stalled; round++) tryDirs(new Map(left.map((i) => [i, dirOf(i, false)])));
      // Then each left alone, either way it has room.
      for (const i of [...left]) {
        for (const flip of [false, true]) {
          if (!open.has(i)) break;
          const t = at(targets, i);
          const d = dirOf(i, flip);
          if (!hasRoom(t, d)) continue;
          tryDirs(new Map([[i, d]]));
        }
      }
    } finally {
      model.dispose();
    }
  }
}

/**
 * The targets the programme pins: those for which no feasible point lies at least 1 away from the
 * true value (so the LP interval holds fewer than two integers; `truth` is itself feasible, so the
 * interval holds it).
 *
 * Cheaper than `intervals` by a large factor on big programmes: a feasible point found for one target
 * witnesses every other target that it moves as well, so most targets are settled by a handful of
 * solves with a combined objective (move every unsettled target towards the side it has room on), and
 * only the rest are solved one by one, in both directions.
 */
export function pinnedTargets<T extends Target>(p: Programme, targets: readonly T[], opts: PinnedOptions = {}): T[] {
  const solver = highs();
  const n = p.lower.length;
  if (targets.length === 0) return [];
  const { of, relationsOf, membersOf } = opts.parts ?? components(p);
  const byRoot = new Map<number, number[]>();
  const multi: number[] = [];
  targets.forEach((t, i) => {
    const roots = new Set(t.vars.map((v) => at(of, v)));
    const [root] = roots;
    if (roots.size === 1 && root !== undefined) append(byRoot, root, i);
    else multi.push(i);
  });
  const pinned: number[] = [];
  // A target over several components is rare (a window sum whose months no other relation joins):
  // its exact interval is the sum of each component's.
  if (multi.length > 0) {
    const iv = intervals(p, multi.map((i) => at(targets, i).vars));
    iv.forEach(([lo, hi], j) => {
      const i = at(multi, j);
      const t = at(targets, i);
      if (!(hi >= t.truth + 1 - 1e-6 || lo <= t.truth - 1 + 1e-6)) pinned.push(i);
    });
    if (opts.any && pinned.length > 0) return pinned.slice(0, 1).map((i) => at(targets, i));
  }
  const sense = solver.constants.objectiveSense;
  const status = solver.constants.modelStatus;
  // Each unknown's column in its component's model: one table for all components, as a component's
  // relations and targets read only its own unknowns.
  const col = new Int32Array(n).fill(-1);
  const bounds = { lo: new Float64Array(n), hi: new Float64Array(n) }; // propagatedBounds', per component in place
  // First what needs no solve, in every component: the known points, then bound propagation. A caller
  // asking only whether anything is pinned (the pruning) learns it here, before any LP, when propagation
  // proves a target pinned in any component (most pinned values are proved so), instead of after the
  // LPs of the components before it.
  const unsettled: Array<[number, Set<number>]> = [];
  for (const [root, ids] of byRoot) {
    const members = membersOf.get(root) ?? [];
    const rel = relationsOf.get(root) ?? [];
    const open = new Set(ids);
    // A known point that satisfies the component is as good a witness as a solved one.
    for (const offered of opts.seeds ?? []) {
      if (open.size === 0) break;
      const seed = typeof offered === "function" ? offered : (v: number) => at(offered, v);
      // Which open targets it moves first (a few additions each): most seeds move none of a component's,
      // and checking them against every relation of the component was a tenth of the plan's time.
      const moves = [...open].filter((i) => {
        const t = at(targets, i);
        return movesBy1(t, t.vars.reduce((s, v) => s + seed(v), 0));
      });
      if (moves.length === 0 || !satisfiesAt(p, seed, members, rel)) continue;
      for (const i of moves) open.delete(i);
    }
    if (open.size === 0) continue;
    // Bound propagation proves most pinned targets pinned without a solve (see `propagatedBounds`). A
    // margin of 1e-3, far beyond the solver's tolerance, keeps the verdict the LP's own: a target
    // whose exact interval comes that close to a move of 1 is left to the LP.
    propagatedBounds(p, members, rel, bounds);
    for (const i of [...open]) {
      const t = at(targets, i);
      let min = 0;
      let max = 0;
      for (const v of t.vars) (min += at(bounds.lo, v), max += at(bounds.hi, v));
      const noUp = !hasRoom(t, 1) || max < t.truth + 1 - 1e-3;
      const noDown = !hasRoom(t, -1) || min > t.truth - 1 + 1e-3;
      if (noUp && noDown) {
        open.delete(i);
        pinned.push(i);
        if (opts.any) return [t];
      }
    }
    if (open.size > 0) unsettled.push([root, open]);
  }
  for (const [root, settledOpen] of unsettled) {
    const members = membersOf.get(root) ?? [];
    members.forEach((v, j) => (col[v] = j));
    const rel = relationsOf.get(root) ?? [];
    let open = settledOpen;
    const model = componentModel(solver, p, members, (v) => at(col, v), rel);
    try {
      model.changeObjectiveSense(sense.maximize);
      const valueOf = (x: Float64Array, t: Target) => t.vars.reduce((s, v) => s + at(x, at(col, v)), 0);
      /** Solves max Σ dir_t · target_t; the point, or null when unbounded/failed. */
      const solve = (dirs: Map<number, number>): Float64Array | null => {
        const cost = new Float64Array(members.length);
        for (const [i, d] of dirs) for (const v of at(targets, i).vars) addAt(cost, at(col, v), d);
        model.changeColsCost({ kind: "range", from: 0, to: members.length - 1 }, cost);
        model.run();
        const st = model.getModelStatus();
        if (st === status.optimal) {
          const x = model.getSolution().colValue;
          if (opts.truth && opts.found) {
            const full = Float64Array.from(opts.truth);
            members.forEach((v, j) => (full[v] = at(x, j)));
            opts.found.push(full);
          }
          return x;
        }
        if (st === status.unbounded || st === status.unboundedOrInfeasible) return null;
        throw new Error(`suppression LP: status ${st}`);
      };
      const moved = (x: Float64Array, i: number) => {
        const t = at(targets, i);
        return movesBy1(t, valueOf(x, t));
      };
      const dirOf = (i: number, flip = false) => roomDir(at(targets, i), flip);
      for (let round = 0; round < 8 && open.size > 0; round++) {
        const x = solve(new Map([...open].map((i) => [i, dirOf(i)])));
        if (x === null) break; // an unbounded objective says nothing about one target: solve them one by one
        const before = open.size;
        open = new Set([...open].filter((i) => !moved(x, i)));
        if (open.size === before) break;
      }
      // What the combined solves leave can mostly move within its own neighbourhood (a month's table): a
      // small LP there settles it (see `settleLocally`), and only the rest is solved one by one here.
      if (opts.truth && open.size > 0) settleLocally(p, targets, open, members, col, rel, opts.truth, opts.found);
      for (const i of [...open]) {
        if (!open.has(i)) continue;
        open.delete(i);
        const t = at(targets, i);
        let free = false;
        // First one solve that moves target i towards its room with a weight above all that the other open
        // targets can add together (each lies within its lo..hi), and the others towards theirs: where i
        // can move, the point moves it and as many others as it can (targets the combined solves left
        // compete for the same room; a single objective settled about one each). Where it does not move i,
        // the plain solves below decide.
        if (open.size > 0) {
          let weight = 1;
          for (const j of open) weight += at(targets, j).hi - at(targets, j).lo;
          if (Number.isFinite(weight)) {
            const dirs = new Map<number, number>([...open].map((j) => [j, dirOf(j)]));
            dirs.set(i, dirOf(i) * weight);
            const x = solve(dirs);
            if (x !== null) {
              for (const j of open) if (moved(x, j)) open.delete(j);
              free = moved(x, i);
            }
          }
        }
        for (const flip of [false, true]) {
          if (free) break;
          const d = dirOf(i, flip);
          if (!hasRoom(t, d)) continue;
          const x = solve(new Map([[i, d]]));
          if (x === null) {
            free = true;
            break;
          }
          // The point is feasible whatever it was solved for: it settles every open target it moves (most
          // of a big component's targets are settled this way, not by their own solves).
          for (const j of open) if (moved(x, j)) open.delete(j);
          if (moved(x, i)) {
            free = true;
            break;
          }
        }
        if (!free) {
          pinned.push(i);
          if (opts.any) return [t];
        }
      }
    } finally {
      model.dispose();
    }
  }
  return pinned.sort((a, b) => a - b).map((i) => at(targets, i));
}

/**
 * A feasible point of the target's component that moves `target` at least 1 from its true value
 * (either way) and changes the costed unknowns as little as possible: minimises Σ cost_i · |x_i − truth_i| over `costed`. The
 * suppression plan hides exactly the values this point changes, so the point stays feasible in what is
 * then published and the target keeps two integers (see `repairOverTime` in suppress.ts). Null when the
 * target cannot move at all.
 */
export function nearestMove(whole: Programme, target: Target, allCosted: Array<{ v: number; truth: number; cost: number }>, parts = components(whole)): Map<number, number> | null {
  const solver = highs();
  // Only the target's component can move with it: solve that piece (a few hundred unknowns of thousands).
  const [first] = target.vars;
  if (first === undefined) return null;
  const root = at(parts.of, first);
  const members = parts.membersOf.get(root) ?? [];
  const col = new Map(members.map((v, j) => [v, j]));
  if (target.vars.some((v) => !col.has(v))) return null; // a target over several pieces: not repaired this way
  const p: Programme = {
    lower: members.map((i) => at(whole.lower, i)),
    upper: members.map((i) => at(whole.upper, i)),
    relations: (parts.relationsOf.get(root) ?? []).map((r) => ({ terms: r.terms.map((t) => ({ v: mustGet(col, t.v, "column"), coef: t.coef })), lo: r.lo, hi: r.hi })),
  };
  const costed = allCosted.flatMap((c) => {
    const v = col.get(c.v);
    return v === undefined ? [] : [{ ...c, v }];
  });
  target = { ...target, vars: target.vars.map((v) => mustGet(col, v, "column")) };
  const n = p.lower.length;
  const m = costed.length;
  // Columns: the unknowns, then one |x_i − truth_i| per costed unknown. Rows: the relations, two rows
  // per costed unknown (d_i ≥ ±(x_i − truth_i)), and the target's move.
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const inf = solver.infinity;
  const row = (terms: Array<[number, number]>, lo: number, hi: number) => {
    for (const [c, coef] of terms) (indices.push(c), values.push(coef));
    starts.push(indices.length);
    rowLower.push(Number.isFinite(lo) ? lo : -inf);
    rowUpper.push(Number.isFinite(hi) ? hi : inf);
  };
  for (const r of p.relations) row(r.terms.map((t) => [t.v, t.coef]), r.lo, r.hi);
  costed.forEach((c, i) => {
    row([[n + i, 1], [c.v, -1]], -c.truth, Infinity);
    row([[n + i, 1], [c.v, 1]], c.truth, Infinity);
  });
  const moveRow = rowLower.length;
  row(target.vars.map((v) => [v, 1]), target.truth + 1, Infinity);
  const colCost = new Float64Array(n + m);
  costed.forEach((c, i) => (colCost[n + i] = c.cost));
  const model = solver.createModel({
    numCols: n + m,
    numRows: rowLower.length,
    colCost,
    colLower: [...p.lower, ...new Array<number>(m).fill(0)],
    colUpper: [...p.upper.map((u) => (Number.isFinite(u) ? u : inf)), ...new Array<number>(m).fill(inf)],
    rowLower,
    rowUpper,
    matrix: { format: "csr", numRows: rowLower.length, numCols: n + m, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false });
    model.changeObjectiveSense(solver.constants.objectiveSense.minimize);
    let best: { x: Float64Array; cost: number } | null = null;
    // Up, then down (a value at 1 can only move up, one at k − 1 only down): the cheaper of the two.
    for (const [lo, hi] of [[target.truth + 1, Infinity], [-Infinity, target.truth - 1]] as const) {
      if (lo > target.hi || hi < target.lo) continue;
      model.changeRowBounds(moveRow, Number.isFinite(lo) ? lo : -inf, Number.isFinite(hi) ? hi : inf);
      model.run();
      if (model.getModelStatus() !== solver.constants.modelStatus.optimal) continue;
      const cost = model.getObjectiveValue();
      if (best === null || cost < best.cost - 1e-9) best = { x: Float64Array.from(model.getSolution().colValue.subarray(0, n)), cost };
    }
    // The point in the whole programme's numbering (the target's component only).
    const found: { x: Float64Array } | null = best;
    return found === null ? null : new Map(members.map((i, j) => [i, at(found.x, j)]));
  } finally {
    model.dispose();
  }
}
