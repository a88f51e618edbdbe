/**
 * The suppression plan's decisions as the plan cache keeps them (publish: suppression-plan-cache.ts):
 * each hidden cell's and window sum's key with its hidden kind. The plan itself (aggregate/suppress.ts)
 * takes and gives back exactly this shape, so a cached plan is the plan a fresh solve would give, and
 * a plan cached through month p lets a run with new data after p solve only the months after p.
 */
import { z } from "zod";
import { HiddenKindSchema } from "./indicators.ts";

/** A decision's key as the plan writes it (suppress.ts): `area|category|YYYY-MM` for a cell, with `|ytd` or `|rolling` for a window sum. */
const CELL_KEY = /^[^|]+\|[^|]+\|\d{4}-\d{2}$/;
const SUM_KEY = /^[^|]+\|[^|]+\|\d{4}-\d{2}\|(ytd|rolling)$/;

export const PlanDecisionsSchema = z.object({
  // A key the plan could not have written is a damaged cache, never a guess: a sum of another kind
  // read as some other window would hide or show the wrong figure.
  cells: z.array(z.tuple([z.string().regex(CELL_KEY), HiddenKindSchema])),
  sums: z.array(z.tuple([z.string().regex(SUM_KEY), HiddenKindSchema])),
  /** Small values the plan gave up (no decision could protect them), with the month it did so. */
  given_up: z.array(z.tuple([z.string(), z.string()])),
});
export type PlanDecisions = z.infer<typeof PlanDecisionsSchema>;
