/**
 * The suppression plan's cache (publish/suppression-plan-cache.ts): a plan rebuilt from its decisions
 * answers exactly as the solved one, the key changes with any count it reads, and the file round-trips.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSolver } from "../../../src/aggregate/lp-interval.ts";
import { type PlanInput, planKey, planSuppression } from "../../../src/aggregate/suppress.ts";
import { monthRange } from "../../../src/core/month.ts";
import { readPlanDecisions, writePlanDecisions } from "../../../src/publish/suppression-plan-cache.ts";

beforeAll(loadSolver);

const AREAS = ["kommun", "a", "b", "c", "okant"];
const MONTHS = monthRange("2024-01", "2024-06");
/** Area counts with small values scattered (1, 2), kommun and the total as sums. */
function input(bump = 0): PlanInput {
  const leaf = (a: string, c: string, t: string): number => {
    const i = MONTHS.indexOf(t) + AREAS.indexOf(a) * 3 + (c === "x" ? 0 : 5);
    return [0, 1, 4, 2, 7, 9, 1, 3][i % 8]! + (a === "b" && c === "y" && t === "2024-04" ? bump : 0);
  };
  const count = (a: string, c: string, t: string): number | null => {
    if (!MONTHS.includes(t)) return null;
    const areas = a === "kommun" ? AREAS.slice(1) : [a];
    const cats = c === "total" ? ["x", "y"] : [c];
    return areas.reduce((s, x) => s + cats.reduce((u, y) => u + leaf(x, y, t), 0), 0);
  };
  return { rule: { min_count: 3, applies_to: "areas" }, areas: AREAS, entries: [{ category: "x", measure: "brott" }, { category: "y", measure: "brott" }, { category: "total", measure: "brott" }], count, from: "2024-01", to: "2024-06" };
}

describe("the suppression plan's cache", () => {
  it("gives back the same plan from its decisions", () => {
    const solved = planSuppression(input());
    const decisions = solved.decisions();
    expect(decisions.cells.length).toBeGreaterThan(0);
    const rebuilt = planSuppression(input(), decisions);
    for (const a of AREAS) {
      for (const c of ["x", "y", "total"]) {
        for (const t of MONTHS) {
          expect(rebuilt.cell(a, c, t)).toBe(solved.cell(a, c, t));
          for (const kind of ["ytd", "rolling_12m"] as const) expect(rebuilt.sum(a, c, t, kind as never)).toBe(solved.sum(a, c, t, kind as never));
        }
      }
    }
  });

  it("keys the plan by every count it reads", () => {
    expect(planKey(input())).toBe(planKey(input()));
    expect(planKey(input(1))).not.toBe(planKey(input()));
  });

  it("round-trips the file, and misses on another key or a damaged file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lagesbild-plan-"));
    const decisions = planSuppression(input()).decisions();
    writePlanDecisions(dir, "k1", decisions);
    expect(readPlanDecisions(dir, "k1")).toEqual(decisions);
    expect(readPlanDecisions(dir, "k2")).toBeUndefined();
    writeFileSync(path.join(dir, "suppression-plan.json"), "{ broken");
    expect(readPlanDecisions(dir, "k1")).toBeUndefined();
  });
});
