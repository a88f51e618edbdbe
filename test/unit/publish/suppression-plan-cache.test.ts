/**
 * The suppression plan's cache (publish/suppression-plan-cache.ts): a plan rebuilt from its decisions
 * answers exactly as the solved one, a plan resumed after month p decides exactly as a fresh solve, the
 * month keys change from the first month whose counts change, and the file round-trips.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSolver } from "../../../src/aggregate/lp-interval.ts";
import { decisionsThrough, type PlanInput, planKeys, planSuppression } from "../../../src/aggregate/suppress.ts";
import { monthRange } from "../../../src/core/month.ts";
import { readPlanDecisions, writePlanDecisions } from "../../../src/publish/suppression-plan-cache.ts";

beforeAll(loadSolver);

const AREAS = ["kommun", "a", "b", "c", "okant"];
const MONTHS = monthRange("2024-01", "2024-06");
/** Area counts with small values scattered (1, 2), kommun and the total as sums. */
function input(bump = 0, to = "2024-06"): PlanInput {
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
  return { rule: { min_count: 3, applies_to: "areas" }, areas: AREAS, entries: [{ category: "x", measure: "brott" }, { category: "y", measure: "brott" }, { category: "total", measure: "brott" }], count, from: "2024-01", to };
}

const sorted = (d: ReturnType<ReturnType<typeof planSuppression>["decisions"]>) => JSON.stringify({ cells: [...d.cells].sort(), sums: [...d.sums].sort(), given_up: [...d.given_up].sort() });

describe("the suppression plan's cache", () => {
  it("gives back the same plan from its decisions", () => {
    const solved = planSuppression(input());
    const decisions = solved.decisions();
    expect(decisions.cells.length).toBeGreaterThan(0);
    const rebuilt = planSuppression(input(), { decisions, through: "2024-06" });
    for (const a of AREAS) {
      for (const c of ["x", "y", "total"]) {
        for (const t of MONTHS) {
          expect(rebuilt.cell(a, c, t)).toBe(solved.cell(a, c, t));
          for (const kind of ["ytd", "rolling"] as const) expect(rebuilt.sum(a, c, t, kind)).toBe(solved.sum(a, c, t, kind));
        }
      }
    }
  });

  it("decides the months after p exactly as a fresh solve when resumed from decisions through p", () => {
    // A scheduled run adding a month: the plan through May, then June on top of it.
    const may = planSuppression(input(0, "2024-05")).decisions();
    const resumed = planSuppression(input(), { decisions: may, through: "2024-05" });
    expect(sorted(resumed.decisions())).toBe(sorted(planSuppression(input()).decisions()));
    // Data changed in April: decisions through March still hold, April on is solved again.
    const fresh = planSuppression(input(5));
    const fromOld = planSuppression(input(5), { decisions: decisionsThrough(planSuppression(input()).decisions(), "2024-03"), through: "2024-03" });
    expect(sorted(fromOld.decisions())).toBe(sorted(fresh.decisions()));
    expect(sorted(fresh.decisions())).not.toBe(sorted(planSuppression(input()).decisions()));
  });

  it("keys each month by every count through it", () => {
    const keys = planKeys(input());
    expect(keys).toHaveLength(6);
    expect(planKeys(input())).toEqual(keys);
    const bumped = planKeys(input(1));
    // A count of April changes April's key and every later one, not the earlier ones.
    expect(bumped.slice(0, 3)).toEqual(keys.slice(0, 3));
    for (let i = 3; i < 6; i++) expect(bumped[i]).not.toBe(keys[i]);
    expect(planKeys(input(0, "2024-05"))).toEqual(keys.slice(0, 5));
  });

  it("round-trips the file, matches the leading months, and misses on another start or a damaged file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lagesbild-plan-"));
    const decisions = planSuppression(input()).decisions();
    writePlanDecisions(dir, ["k1", "k2", "k3"], decisions);
    expect(readPlanDecisions(dir, ["k1", "k2", "k3"])).toEqual({ decisions, matching: 3 });
    expect(readPlanDecisions(dir, ["k1", "k2", "x3", "x4"])?.matching).toBe(2);
    expect(readPlanDecisions(dir, ["x1", "k2", "k3"])).toBeUndefined();
    writeFileSync(path.join(dir, "suppression-plan.json"), "{ broken");
    const reasons: string[] = [];
    expect(readPlanDecisions(dir, ["k1"], (r) => reasons.push(r))).toBeUndefined();
    expect(reasons).toHaveLength(1);
    // No file at all is a plain miss, nothing to warn about.
    expect(readPlanDecisions(mkdtempSync(path.join(tmpdir(), "lagesbild-plan-")), ["k1"], (r) => reasons.push(r))).toBeUndefined();
    expect(reasons).toHaveLength(1);
    // Something there that cannot be read (a folder in the file's place) is said, not taken for no cache.
    const blocked = mkdtempSync(path.join(tmpdir(), "lagesbild-plan-"));
    mkdirSync(path.join(blocked, "suppression-plan.json"));
    expect(readPlanDecisions(blocked, ["k1"], (r) => reasons.push(r))).toBeUndefined();
    expect(reasons).toHaveLength(2);
  });

  it("treats a sum key of a kind the plan never writes as an unreadable cache, not as a 12-month sum", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lagesbild-plan-"));
    const decisions = planSuppression(input()).decisions();
    // Six months: year-to-date sums only (a 12-month sum needs 12 months).
    expect(decisions.sums.some(([key]) => key.endsWith("|ytd"))).toBe(true);
    writePlanDecisions(dir, ["k1", "k2", "k3"], decisions);
    const file = path.join(dir, "suppression-plan.json");
    const reasons: string[] = [];
    expect(readPlanDecisions(dir, ["k1", "k2", "k3"], (r) => reasons.push(r))).toEqual({ decisions, matching: 3 });
    expect(reasons).toEqual([]);
    // Edited by hand, as a person or an older tool might: one sum's kind misspelt.
    const text = readFileSync(file, "utf8");
    const edited = text.replace("|ytd\"", "|ytdd\"");
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    expect(readPlanDecisions(dir, ["k1", "k2", "k3"], (r) => reasons.push(r))).toBeUndefined();
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^sums\.\d+\.0 = ".*\|ytdd" stämmer inte/);
    // A cell key with a fourth part is no cell the plan writes either.
    writeFileSync(file, text.replace(/"([^"|]+\|[^"|]+\|\d{4}-\d{2})",("small"|"protects")/, '"$1|x",$2'));
    expect(readPlanDecisions(dir, ["k1", "k2", "k3"], (r) => reasons.push(r))).toBeUndefined();
    expect(reasons[1]).toMatch(/^cells\.\d+\.0 = ".*\|x" stämmer inte/);
  });
});
