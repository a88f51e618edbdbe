/**
 * Internal: one figure of an entry (model/figures.ts) read by its group and key, and its hidden flag,
 * for the loops of the CSV writer and the tables.
 */
import { figureGroup, type IncidentFigureSpec } from "../model/figures.ts";
import type { IncidentEntry } from "../model/indicators.ts";

/** The figure's value: a number, or null when hidden or unavailable. */
export function figureValue(e: IncidentEntry, f: IncidentFigureSpec): number | null {
  const v = figureGroup(e, f.group)[f.key];
  return typeof v === "number" ? v : null;
}

/** The figure's `<key>_suppressed` flag as published ("small", "protects", `true` in older files), or undefined. */
export function figureHiddenFlag(e: IncidentEntry, f: IncidentFigureSpec): unknown {
  return figureGroup(e, f.group)[`${f.key}_suppressed`];
}
