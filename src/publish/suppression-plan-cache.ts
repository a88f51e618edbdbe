/**
 * The suppression plan's decisions, kept in `cache_dir` (never published, safe to delete) under the
 * plan's key (`planKey` of the suppression): the key covers the rule, the areas, the entries and every
 * count the plan reads, so a hit gives exactly the plan a fresh solve would. Solving the plan from the
 * first covered month is most of a run's time; a scheduled run whose data did not change reuses it.
 * One file per output folder's plan, replaced when the key changes, so the cache does not grow.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { type PlanDecisions, PlanDecisionsSchema } from "../model/suppression-plan.ts";
import { writeFileAtomic } from "../core/write-file-atomic.ts";

const PlanFileSchema = PlanDecisionsSchema.extend({
  schema: z.literal("lagesbild.suppression-plan/v1"),
  key: z.string(),
});

const file = (cacheDir: string) => path.join(cacheDir, "suppression-plan.json");

/** The cached decisions for `key`; undefined on a miss, a damaged file or an older key. */
export function readPlanDecisions(cacheDir: string, key: string): PlanDecisions | undefined {
  try {
    const parsed = PlanFileSchema.safeParse(JSON.parse(readFileSync(file(cacheDir), "utf8")));
    return parsed.success && parsed.data.key === key ? { cells: parsed.data.cells, sums: parsed.data.sums } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the decisions for the next run; a read-only or full cache only costs speed. */
export function writePlanDecisions(cacheDir: string, key: string, decisions: PlanDecisions): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileAtomic(file(cacheDir), JSON.stringify({ schema: "lagesbild.suppression-plan/v1", key, ...decisions }));
  } catch {
    // The plan was computed; failing to keep it must not fail the run.
  }
}
