/**
 * The suppression plan's decisions as the plan cache keeps them (publish: suppression-plan-cache.ts):
 * each hidden cell's and window sum's key with its hidden kind. The plan itself (aggregate/suppress.ts)
 * takes and gives back exactly this shape, so a cached plan is the plan a fresh solve would give, and
 * a plan cached through month p lets a run with new data after p solve only the months after p.
 */
import { z } from "zod";
import { HiddenKindSchema } from "./indicators.ts";

export const PlanDecisionsSchema = z.object({
  cells: z.array(z.tuple([z.string(), HiddenKindSchema])),
  sums: z.array(z.tuple([z.string(), HiddenKindSchema])),
  /** Small values the plan gave up (no decision could protect them), with the month it did so. */
  given_up: z.array(z.tuple([z.string(), z.string()])),
});
export type PlanDecisions = z.infer<typeof PlanDecisionsSchema>;
