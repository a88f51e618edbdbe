/**
 * The suppression plan's decisions, kept in `cache_dir` (never published, safe to delete) under the
 * plan's month keys (`planKeys` of the suppression): key(t) covers the rule, the areas, the entries and
 * every count the plan reads through month t, so the decisions through the last matching month are
 * exactly those a fresh solve would make. Solving the plan from the first covered month is most of a
 * run's time; a scheduled run whose data did not change reuses it whole, one that adds a month solves
 * that month only.
 * One file per output folder's plan, replaced when the key changes, so the cache does not grow.
 */
import { mkdirSync } from "node:fs";
import { readFileIfPresent } from "../core/read-file-if-present.ts";
import { readFailureReason } from "../core/read-regular-file.ts";
import path from "node:path";
import { z } from "zod";
import { type PlanDecisions, PlanDecisionsSchema } from "../model/suppression-plan.ts";
import { writeFileAtomic } from "../core/write-file-atomic.ts";

const PlanFileSchema = PlanDecisionsSchema.extend({
  schema: z.literal("lagesbild.suppression-plan/v2"),
  /** The plan's key per month (`planKeys`), its first month first. */
  keys: z.array(z.string()),
});

/** The plan cache file of a cache folder (named in the run's warning when it cannot be read). */
export const suppressionPlanFile = (cacheDir: string) => path.join(cacheDir, "suppression-plan.json");

/**
 * The cached decisions that still hold for a plan with month keys `keys`: all of them when every key
 * matches, those through the last matching month when the data changed after it (the plan solves only
 * the months after `through`), undefined on a miss, a damaged file or an older rule. A file that is
 * there but cannot be read (not JSON, not the plan's shape, a key the plan does not write) is reported
 * to `unreadable` with the reason; the plan is then solved anew.
 */
export function readPlanDecisions(cacheDir: string, keys: string[], unreadable?: (reason: string) => void): { decisions: PlanDecisions; matching: number } | undefined {
  let text: string;
  try {
    const bytes = readFileIfPresent(suppressionPlanFile(cacheDir));
    if (bytes === null) return undefined; // no cache yet: nothing to say
    text = bytes.toString("utf8");
  } catch (error) {
    // There but not readable (no permission, a folder in its place): said, or every run would solve the whole plan unexplained.
    unreadable?.(readFailureReason(error));
    return undefined;
  }
  try {
    const json: unknown = JSON.parse(text);
    const parsed = PlanFileSchema.safeParse(json);
    if (!parsed.success) {
      // Where it went wrong and the value found there, for whoever opens the file.
      const where = parsed.error.issues[0]?.path ?? [];
      let found: unknown = json;
      for (const step of where) found = typeof found === "object" && found !== null ? Reflect.get(found, step) : undefined;
      unreadable?.(`${where.join(".") || "filen"}${typeof found === "string" ? ` = "${found}"` : ""} stämmer inte med planens form`);
      return undefined;
    }
    let matching = 0;
    while (matching < keys.length && parsed.data.keys[matching] === keys[matching]) matching++;
    if (matching === 0) return undefined;
    const { cells, sums, given_up } = parsed.data;
    return { decisions: { cells, sums, given_up }, matching };
  } catch (error) {
    unreadable?.(`inte giltig JSON (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

/** Keeps the decisions for the next run; a read-only or full cache only costs speed. */
export function writePlanDecisions(cacheDir: string, keys: string[], decisions: PlanDecisions): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileAtomic(suppressionPlanFile(cacheDir), JSON.stringify({ schema: "lagesbild.suppression-plan/v2", keys, ...decisions }));
  } catch {
    // The plan was computed; failing to keep it must not fail the run.
  }
}
