/**
 * Measures (spec/cli.md "Measures: never add apples to pears"): what an incident source's counts are.
 * Police-reported crimes, the police's published event notices and incidents reported by the kommun
 * and others are different things counted differently (a kommun log may count the same damage the
 * police registered as a crime), so no published figure ever adds two of them. Every category belongs
 * to exactly one measure (the config check enforces it) and there is one total per measure used.
 *
 * The Swedish words for each measure live in render/wording.ts; this module only knows the ids.
 */
export const MEASURES = ["brott", "polisens-handelser", "handelser"] as const;
export type Measure = (typeof MEASURES)[number];

/** Whether a string read back from a published file names a measure. */
export function isMeasure(value: string): value is Measure {
  return MEASURES.some((m) => m === value);
}

/** The only measure `format: polisen-events` may have, and its default. */
export const POLISEN_EVENTS_MEASURE: Measure = "polisens-handelser";

/** The category id of the total of `measure`: `total` when the report has one measure, else `total:<measure>`. */
export function totalId(measure: Measure, measuresUsed: ReadonlyArray<Measure>): string {
  return measuresUsed.length <= 1 ? "total" : `total:${measure}`;
}

/** Whether a category id is a total (`total` or `total:<measure>`), i.e. a line sum and not a category. */
export function isTotalId(category: string): boolean {
  return category === "total" || category.startsWith("total:");
}

/** The measures in their fixed published order (brott, polisens-handelser, handelser). */
export function inMeasureOrder(measures: Iterable<Measure>): Measure[] {
  const set = new Set(measures);
  return MEASURES.filter((m) => set.has(m));
}

/** What config checks need of an incident source: its format and (optional) declared measure. */
export interface MeasuredSource {
  kind: string;
  format?: string;
  measure?: Measure | undefined;
}

/**
 * A source's measure: the declared one, else the default of its format (only `polisen-events` has one;
 * the config check makes `measure` required for the others, so the fallback there is never published).
 */
export function sourceMeasure(source: MeasuredSource): Measure {
  return source.measure ?? POLISEN_EVENTS_MEASURE;
}
