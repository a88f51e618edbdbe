/** One month as the archive page and the feed show it: headline figures from its published indicators. */
import type { Indicators, Verdict } from "../aggregate/indicators-schema.ts";

export interface ArchiveEntry {
  month: string;
  total: number | null;
  change_pct: number | null;
  verdict: Verdict | null;
  suppressed: boolean;
  revision: number;
  /** generated_at of the month's latest revision. */
  updated: string;
}

export function archiveEntry(ind: Indicators): ArchiveEntry {
  const total = ind.areas.find((a) => a.id === "kommun")?.incidents.find((e) => e.category === "total");
  return {
    month: ind.month,
    total: total?.month.count ?? null,
    change_pct: total?.month.change_pct ?? null,
    verdict: total?.trend?.verdict ?? null,
    suppressed: total?.suppressed ?? false,
    revision: ind.revision,
    updated: ind.generated_at,
  };
}
