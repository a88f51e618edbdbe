/**
 * Which measure each category counts, and which measures the report uses (spec/cli.md "Measures"),
 * from the validated config: the config check guarantees one measure per category.
 */
import { inMeasureOrder, sourceMeasure, type Measure } from "../core/measure.ts";
import type { RawConfig } from "./schema.ts";

type MeasureConfig = Pick<RawConfig, "sources" | "categories">;

/** category id → its measure, for every category some incident source maps a label to. */
export function categoryMeasures(config: MeasureConfig): Map<string, Measure> {
  const out = new Map<string, Measure>();
  for (const s of config.sources) {
    if (s.kind !== "incidents") continue;
    for (const id of Object.values(s.categories)) if (!out.has(id)) out.set(id, sourceMeasure(s));
  }
  return out;
}

/** The measures of the incident sources, in the fixed order brott, polisens-handelser, handelser. */
export function measuresUsed(config: Pick<RawConfig, "sources">): Measure[] {
  return inMeasureOrder(config.sources.flatMap((s) => (s.kind === "incidents" ? [sourceMeasure(s)] : [])));
}
