/**
 * pinnedTargets (src/aggregate/lp-interval.ts) on programmes small enough to solve by hand, with k = 3:
 * a "small" unknown lies in 1..2, a "protects" one is ≥ 3. The known points it is offered (seeds) may
 * settle a target only when they satisfy the programme: an offered point that breaks a bound must not
 * make a pinned value look protected.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { intervals, loadSolver, pinnedTargets, propagatedBounds, type Programme, type Relation, type Target } from "../../../src/aggregate/lp-interval.ts";

beforeAll(async () => {
  await loadSolver();
});

// A 2 × 2 table of hidden cells, rows a + b = 6 and c + d = 7, columns a + c = 6 and b + d = 7, with
// a = 1 and d = 2 small, b = c = 5 "protects". Two hidden cells in every line, yet a is pinned: a = 2
// forces b = 4, c = 4 and so d = 3, above its ceiling of 2 (and a cannot go below its floor of 1);
// likewise d = 1 forces a = 0. So both small values are pinned.
const square: Programme = {
  lower: [1, 3, 3, 1],
  upper: [2, Infinity, Infinity, 2],
  relations: [
    { terms: [{ v: 0, coef: 1 }, { v: 1, coef: 1 }], lo: 6, hi: 6 },
    { terms: [{ v: 2, coef: 1 }, { v: 3, coef: 1 }], lo: 7, hi: 7 },
    { terms: [{ v: 0, coef: 1 }, { v: 2, coef: 1 }], lo: 6, hi: 6 },
    { terms: [{ v: 1, coef: 1 }, { v: 3, coef: 1 }], lo: 7, hi: 7 },
  ],
};
const squareTargets: Target[] = [
  { vars: [0], truth: 1, lo: 1, hi: 2 },
  { vars: [3], truth: 2, lo: 1, hi: 2 },
];

// One line a + b + c = 10 with a = 1 small, b = 5 and c = 4 "protects": a = 2, b = 4, c = 4 is feasible,
// so a keeps two integers.
const line: Programme = {
  lower: [1, 3, 3],
  upper: [2, Infinity, Infinity],
  relations: [{ terms: [{ v: 0, coef: 1 }, { v: 1, coef: 1 }, { v: 2, coef: 1 }], lo: 10, hi: 10 }],
};
const lineTargets: Target[] = [{ vars: [0], truth: 1, lo: 1, hi: 2 }];

describe("pinnedTargets", () => {
  it("finds the values a square of hidden cells pins, as the exact intervals do", () => {
    // The pinned targets themselves come back (the caller reads its own fields off them), in input order.
    const pinned = pinnedTargets(square, squareTargets);
    expect(pinned).toHaveLength(2);
    expect(pinned[0]).toBe(squareTargets[0]);
    expect(pinned[1]).toBe(squareTargets[1]);
    expect(intervals(square, [[0], [3]])).toEqual([[1, 1], [2, 2]]);
    expect(pinnedTargets(line, lineTargets)).toEqual([]);
  });

  it("does not take an offered point that breaks a bound as a witness", () => {
    // Moves a to 2 and keeps every line, but d = 3 is above its ceiling.
    const broken = Float64Array.from([2, 4, 4, 3]);
    // Moves d to 1 and keeps the bounds, but the row a + b = 6 is broken (1 + 6 = 7).
    const offLine = Float64Array.from([1, 6, 6, 1]);
    expect(pinnedTargets(square, squareTargets, { seeds: [broken, offLine] })).toEqual(squareTargets);
    // The same points read on demand (as the plan offers its pool's) are checked just the same.
    const reads: number[] = [];
    const onDemand = (x: Float64Array) => (v: number) => (reads.push(v), x[v] ?? NaN);
    expect(pinnedTargets(square, squareTargets, { seeds: [onDemand(broken), onDemand(offLine)] })).toEqual(squareTargets);
    expect(reads.length).toBeGreaterThan(0);
  });

  it("settles a target with a feasible offered point, without solving", () => {
    const truth = Float64Array.from([1, 5, 4]);
    const solved: Float64Array[] = [];
    expect(pinnedTargets(line, lineTargets, { truth, found: solved })).toEqual([]);
    expect(solved.length).toBeGreaterThan(0);
    const none: Float64Array[] = [];
    expect(pinnedTargets(line, lineTargets, { seeds: [Float64Array.from([2, 4, 4])], truth, found: none })).toEqual([]);
    expect(none).toEqual([]);
    // Read on demand, a point that moves no open target is not checked against the relations at all.
    const reads: number[] = [];
    const still = (v: number) => (reads.push(v), [1, 5, 4][v] ?? NaN);
    expect(pinnedTargets(line, lineTargets, { seeds: [still, (v) => [2, 4, 4][v] ?? NaN], truth, found: none })).toEqual([]);
    expect(none).toEqual([]);
    expect(reads).toEqual([0]);
  });

  it("with any, stops at one pinned target", () => {
    const one = pinnedTargets(square, squareTargets, { any: true });
    expect(one).toHaveLength(1);
    expect(squareTargets).toContain(one[0]);
    expect(pinnedTargets(line, lineTargets, { any: true })).toEqual([]);
  });
});

describe("propagatedBounds", () => {
  it("rings in the kommun's 7 over areas 1, 1, 1, 1, 3 (four labelled small, one protects) by hand", () => {
    // x0..x3 in 1..2, x4 ≥ 3, Σ = 7: x4 ≤ 7 − 4 = 3, so x4 = 3; then each xi ≤ 7 − 3 − 3 = 1, so xi = 1.
    const p: Programme = {
      lower: [1, 1, 1, 1, 3],
      upper: [2, 2, 2, 2, Infinity],
      relations: [{ terms: [0, 1, 2, 3, 4].map((v) => ({ v, coef: 1 })), lo: 7, hi: 7 }],
    };
    const { lo, hi } = propagatedBounds(p, [0, 1, 2, 3, 4], p.relations);
    expect([...lo]).toEqual([1, 1, 1, 1, 3]);
    expect([...hi]).toEqual([1, 1, 1, 1, 3]);
  });

  it("pins both small values of the square through its lines, as the exact intervals do", () => {
    const { lo, hi } = propagatedBounds(square, [0, 1, 2, 3], square.relations);
    // a = 1 and d = 2 (worked out above); b = 5 and c = 5 follow from the lines.
    expect([...lo]).toEqual([1, 5, 5, 2]);
    expect([...hi]).toEqual([1, 5, 5, 2]);
  });
});

describe("pinnedTargets against the exact intervals (generated programmes)", () => {
  // Random tables of hidden cells: every unknown is "small" (1..2) or "protects" (≥ 3) around a true
  // value, relations are sums of random subsets equal to (or, for a label, bounded around) the truth.
  const programmes = fc.record({
    truth: fc.array(fc.constantFrom(1, 1, 2, 2, 3, 4, 6), { minLength: 3, maxLength: 7 }),
    rows: fc.array(fc.record({ mask: fc.integer({ min: 1, max: 127 }), kind: fc.constantFrom("eq", "eq", "small", "protects") }), { minLength: 1, maxLength: 6 }),
  });
  it("declares pinned exactly what has fewer than two integers in its exact interval, with or without the true point", () => {
    fc.assert(
      fc.property(programmes, fc.boolean(), ({ truth, rows }, withTruth) => {
        const n = truth.length;
        const relations: Relation[] = [];
        for (const { mask, kind } of rows) {
          const terms = truth.flatMap((_, v) => ((mask >> v) & 1 ? [{ v, coef: 1 }] : []));
          if (terms.length === 0) continue;
          const s = terms.reduce((acc, t) => acc + (truth[t.v] ?? 0), 0);
          if (kind === "eq") relations.push({ terms, lo: s, hi: s });
          else if (kind === "small" && s < 3) relations.push({ terms, lo: 1, hi: 2 });
          else if (kind === "protects") relations.push({ terms, lo: Math.min(s, 3), hi: Infinity });
        }
        const p: Programme = { lower: truth.map((v) => (v < 3 ? 1 : 3)), upper: truth.map((v) => (v < 3 ? 2 : Infinity)), relations };
        const targets: Target[] = truth.flatMap((v, i) => (v < 3 ? [{ vars: [i], truth: v, lo: 1, hi: 2 }] : []));
        const exact = intervals(p, targets.map((t) => t.vars));
        const expected = targets.filter((t, j) => {
          const [lo, hi] = exact[j] ?? [0, 0];
          return !(hi >= t.truth + 1 - 1e-6 || lo <= t.truth - 1 + 1e-6);
        });
        const opts = withTruth ? { truth: Float64Array.from(truth), found: [] } : {};
        expect(pinnedTargets(p, targets, opts)).toEqual(expected);
        // Every propagated bound holds the exact interval.
        const members = Array.from({ length: n }, (_, i) => i);
        const { lo, hi } = propagatedBounds(p, members, relations);
        targets.forEach((t, j) => {
          const [elo, ehi] = exact[j] ?? [0, 0];
          const v = t.vars[0] ?? 0;
          expect(lo[v]).toBeLessThanOrEqual(elo + 1e-9);
          expect(hi[v]).toBeGreaterThanOrEqual(ehi - 1e-9);
        });
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });
});

describe("pinnedTargets on generated tables, re-solving one model warm, against a cold solve per target", () => {
  // A month's table as the plan sees it: R × C cells, every row and column sum published, some cells
  // hidden (small 1..2, "protects" ≥ 3, or a hidden 0 ≥ 0). Big enough that bound propagation leaves
  // targets to the LP, so the warm re-solves of one model (primal simplex, objective changed between
  // solves) are what decides them; `intervals` solves each target's min and max on its own.
  const tables = fc.record({
    rows: fc.integer({ min: 3, max: 6 }),
    cols: fc.integer({ min: 3, max: 6 }),
    values: fc.array(fc.constantFrom(0, 1, 1, 2, 2, 3, 4, 5, 8), { minLength: 36, maxLength: 36 }),
    hidden: fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }),
    seeds: fc.array(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 36, maxLength: 36 }), { maxLength: 4 }),
  });
  it("declares pinned exactly the targets whose exact interval holds fewer than two integers, with offered points feasible or not", () => {
    let decidedByLp = 0;
    fc.assert(
      fc.property(tables, ({ rows, cols, values, hidden, seeds }) => {
        const cell = (r: number, c: number) => r * cols + c;
        const unknownOf = new Map<number, number>();
        const truth: number[] = [];
        for (let i = 0; i < rows * cols; i++) if (hidden[i]) (unknownOf.set(i, truth.length), truth.push(values[i] ?? 0));
        const relations: Relation[] = [];
        const line = (cells: number[]) => {
          const terms = cells.flatMap((i) => (unknownOf.has(i) ? [{ v: unknownOf.get(i) ?? -1, coef: 1 }] : []));
          const s = terms.reduce((acc, t) => acc + (truth[t.v] ?? 0), 0);
          if (terms.length > 0) relations.push({ terms, lo: s, hi: s });
        };
        for (let r = 0; r < rows; r++) line(Array.from({ length: cols }, (_, c) => cell(r, c)));
        for (let c = 0; c < cols; c++) line(Array.from({ length: rows }, (_, r) => cell(r, c)));
        const small = (v: number) => v > 0 && v < 3;
        const p: Programme = { lower: truth.map((v) => (small(v) ? 1 : v === 0 ? 0 : 3)), upper: truth.map((v) => (small(v) ? 2 : Infinity)), relations };
        const targets: Target[] = truth.flatMap((v, i) => (small(v) ? [{ vars: [i], truth: v, lo: 1, hi: 2 }] : []));
        if (targets.length === 0) return;
        const exact = intervals(p, targets.map((t) => t.vars));
        const expected = targets.filter((t, j) => {
          const [lo, hi] = exact[j] ?? [0, 0];
          return !(hi >= t.truth + 1 - 1e-6 || lo <= t.truth - 1 + 1e-6);
        });
        // Offered points: the truth moved at random (mostly infeasible); one taken must satisfy every relation.
        const offered = seeds.map((d) => Float64Array.from(truth, (v, i) => v + (d[i] ?? 0)));
        const found: Float64Array[] = [];
        expect(pinnedTargets(p, targets, { seeds: offered, truth: Float64Array.from(truth), found })).toEqual(expected);
        decidedByLp += found.length > 0 ? 1 : 0;
        // Every point it solved is a point of the programme.
        for (const x of found) {
          x.forEach((v, i) => (expect(v).toBeGreaterThanOrEqual((p.lower[i] ?? 0) - 1e-6), expect(v).toBeLessThanOrEqual((p.upper[i] ?? 0) + 1e-6)));
          for (const r of relations) {
            const s = r.terms.reduce((acc, t) => acc + (x[t.v] ?? 0), 0);
            expect(Math.abs(s - r.lo)).toBeLessThan(1e-6);
          }
        }
      }),
      { numRuns: 200, seed: 20261205 },
    );
    // The property says something about the LP only if the LP decided some of the cases.
    expect(decidedByLp).toBeGreaterThan(20);
  });
});
