/**
 * Internal: one figure of an entry (model/figures.ts) read by its group and key, and why it is hidden,
 * for the loops of the CSV writer and the tables: one reading of the published flags, so the page's
 * "färre än k" / "döljs" / "uppgift saknas" and the CSV's `undertryckt` and `dolda` always agree.
 */
import { present } from "../core/checked.ts";
import { figureGroup, INCIDENT_FIGURES, isMonthCount, type IncidentFigureSpec } from "../model/figures.ts";
import type { HiddenKind, IncidentEntry } from "../model/indicators.ts";

/** The figure's value: a number, or null when hidden or unavailable. */
export function figureValue(e: IncidentEntry, f: IncidentFigureSpec): number | null {
  const v = figureGroup(e, f.group)[f.key];
  return typeof v === "number" ? v : null;
}

/**
 * A published `<key>_suppressed` flag read as a hidden kind (spec/outputs.md): "small" or "protects";
 * `true`, in a file published before the two kinds, only ever meant a small value (or a sum containing
 * one); `false`, absent or anything else: not hidden.
 */
export function hiddenKindOf(flag: unknown): HiddenKind | undefined {
  if (flag === "protects") return "protects";
  return flag === "small" || flag === true ? "small" : undefined;
}

/**
 * Why the figure is hidden, or undefined when it is not (its value is then a number, or null for
 * "uppgift saknas"). The month's count of a file published before the per-figure flags has no flag,
 * only the entry's `suppressed: true` (outputs.md: "an entry whose month.count is hidden has
 * suppressed: true"): that reads as small. A flag that is there, `false` included, decides alone.
 */
export function figureHiddenKind(e: IncidentEntry, f: IncidentFigureSpec): HiddenKind | undefined {
  const flag: unknown = figureGroup(e, f.group)[`${f.key}_suppressed`];
  if (flag === undefined && isMonthCount(f) && e.suppressed) return "small";
  return hiddenKindOf(flag);
}

/** The figure `month.count`, whose hidden kind indicators.csv's `undertryckt` and serie.csv's status give. */
export const MONTH_COUNT = present(INCIDENT_FIGURES.find(isMonthCount), "the figure month.count");
