/**
 * The published name of each measure's total line ("Alla polisanmälda brott"): a name in
 * indicators.json, like a category's name from the config, which aggregation writes into every area's
 * figures and the report shows in its tables (render/wording.ts reads it from here, so the two can
 * never differ).
 */
import type { Measure } from "../core/measure.ts";

export const TOTAL_NAME: Readonly<Record<Measure, string>> = {
  brott: "Alla polisanmälda brott",
  "polisens-handelser": "Alla polisens händelsenotiser",
  handelser: "Alla rapporterade händelser",
};
