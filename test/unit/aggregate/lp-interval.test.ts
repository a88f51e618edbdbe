/**
 * pinnedTargets (src/aggregate/lp-interval.ts) on programmes small enough to solve by hand, with k = 3:
 * a "small" unknown lies in 1..2, a "protects" one is ≥ 3. The known points it is offered (seeds) may
 * settle a target only when they satisfy the programme: an offered point that breaks a bound must not
 * make a pinned value look protected.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { intervals, loadSolver, pinnedTargets, type Programme, type Target } from "../../../src/aggregate/lp-interval.ts";

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
  });

  it("settles a target with a feasible offered point, without solving", () => {
    const truth = Float64Array.from([1, 5, 4]);
    const solved: Float64Array[] = [];
    expect(pinnedTargets(line, lineTargets, { truth, found: solved })).toEqual([]);
    expect(solved.length).toBeGreaterThan(0);
    const none: Float64Array[] = [];
    expect(pinnedTargets(line, lineTargets, { seeds: [Float64Array.from([2, 4, 4])], truth, found: none })).toEqual([]);
    expect(none).toEqual([]);
  });

  it("with any, stops at one pinned target", () => {
    const one = pinnedTargets(square, squareTargets, { any: true });
    expect(one).toHaveLength(1);
    expect(squareTargets).toContain(one[0]);
    expect(pinnedTargets(line, lineTargets, { any: true })).toEqual([]);
  });
});
