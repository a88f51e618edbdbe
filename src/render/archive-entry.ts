/**
 * One month as the archive page and the feed show it: headline figures from its published indicators,
 * one headline per measure's total (spec/outputs.md: "its headline per measure"; totals of different
 * measures are never added).
 */
import { isMeasure, isTotalId, type Measure } from "../core/measure.ts";
import type { ArchiveSource, Verdict } from "../model/indicators.ts";

export interface ArchiveHeadline {
  /** Null for a month published before indicators.json recorded measures. */
  measure: Measure | null;
  total: number | null;
  change_pct: number | null;
  verdict: Verdict | null;
  suppressed: boolean;
}

export interface ArchiveEntry {
  month: string;
  /** The kommun's totals, in the totals' order (brott, polisens-handelser, handelser). */
  headlines: ArchiveHeadline[];
  revision: number;
  /** generated_at of the month's latest revision. */
  updated: string;
}

export function archiveEntry(ind: ArchiveSource): ArchiveEntry {
  const totals = ind.areas.find((a) => a.id === "kommun")?.incidents.filter((e) => isTotalId(e.category)) ?? [];
  return {
    month: ind.month,
    headlines: totals.map((t) => ({
      // An older file has no `measure`: its total is shown without one rather than guessed.
      measure: t.measure !== undefined && isMeasure(t.measure) ? t.measure : null,
      total: t.month.count,
      change_pct: t.month.change_pct,
      verdict: t.trend?.verdict ?? null,
      suppressed: t.suppressed,
    })),
    revision: ind.revision,
    updated: ind.generated_at,
  };
}
