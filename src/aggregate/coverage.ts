/**
 * "Coverage: no data is not zero" (spec/indicators.md). A month a source does not cover is unknown, not
 * zero: N(a, c, t) is available only if every incident source that maps a label to c covers t, and
 * a total only if every incident source of its measure does.
 */
import type { IncidentSourceConfig } from "../config/schema.ts";
import { LagesbildError } from "../core/errors.ts";
import type { Measure } from "../core/measure.ts";
import { addMonths, monthIndex } from "../core/month.ts";
import type { IncidentSourceData } from "../ingest/types.ts";
import { boundByPolls } from "./poll-coverage.ts";

export interface Coverage {
  from: string | null;
  to: string | null;
}

/** What availability needs to know about one incident source. */
export interface SourceCoverage {
  sourceId: string;
  required: boolean;
  /** The category ids this source maps any label to. */
  categories: ReadonlySet<string>;
  /** What the source counts (spec/cli.md "Measures"): `total:<measure>` needs only its measure's sources. */
  measure?: Measure;
  /** The id of the total this source's categories add up to (`total` or `total:<measure>`). */
  total?: string;
  coverage: Coverage;
}

/**
 * A source's coverage: the config's `covers` bounds, a bound left out being the source's first/last
 * accepted month (spec/cli.md). `to` never reaches a month that has not ended: it is capped at the month
 * before `currentMonth` (the month containing the run's generated-at), since a month still running has
 * only part of its incidents (spec/cli.md "never a month not yet ended").
 */
export function sourceCoverage(
  accepted: Pick<IncidentSourceData, "firstMonth" | "lastMonth" | "polled">,
  source: Pick<IncidentSourceConfig, "covers">,
  currentMonth: string,
): Coverage {
  // A polled archive never covers more than its polls saw (poll-coverage.ts).
  const bounded = boundByPolls({ from: accepted.firstMonth, to: accepted.lastMonth }, accepted.polled, source.covers);
  const from = source.covers?.from ?? bounded.from;
  let to = source.covers?.to ?? bounded.to;
  const lastEnded = addMonths(currentMonth, -1);
  if (to !== null && monthIndex(to) > monthIndex(lastEnded)) to = lastEnded;
  return { from, to };
}

export function coversMonth(coverage: Coverage, month: string): boolean {
  if (coverage.from === null || coverage.to === null) return false;
  const t = monthIndex(month);
  return monthIndex(coverage.from) <= t && t <= monthIndex(coverage.to);
}

/**
 * Whether N(·, category, month) is available. A total needs every source of its measure that maps
 * anything (`total` = the only measure, so every such source; `total:<measure>` = that measure's).
 */
export function isAvailable(sources: ReadonlyArray<SourceCoverage>, category: string, month: string): boolean {
  const totalOf = category === "total" ? null : category.startsWith("total:") ? category.slice("total:".length) : undefined;
  for (const s of sources) {
    const relevant =
      totalOf === undefined ? s.categories.has(category) : s.categories.size > 0 && (totalOf === null || s.measure === totalOf);
    if (relevant && !coversMonth(s.coverage, month)) return false;
  }
  return true;
}

/** "2021-01–2024-02", or a phrase when the source covers nothing yet. */
export function describeCoverage(coverage: Coverage): string {
  if (coverage.from === null || coverage.to === null || monthIndex(coverage.from) > monthIndex(coverage.to)) {
    return "täcker ännu ingen månad";
  }
  return `täcker ${coverage.from}–${coverage.to}`;
}

/**
 * Checks the report month against every incident source (spec/indicators.md): a required source that
 * does not cover it fails the month with exit 4 (data not delivered yet; a scheduler may retry); a
 * `required: false` source only leaves its categories null, and gets a Swedish note for the report.
 *
 * @param categoryNames category id → display name, for the notes
 * @returns the notes (empty when every source covers the month)
 */
export function checkReportMonth(
  sources: ReadonlyArray<SourceCoverage>,
  month: string,
  categoryNames: ReadonlyMap<string, string>,
): string[] {
  const failures: string[] = [];
  const notes: string[] = [];
  for (const s of sources) {
    if (coversMonth(s.coverage, month)) continue;
    if (s.required) {
      failures.push(`Månaden ${month} täcks ännu inte av källan ${s.sourceId} (${describeCoverage(s.coverage)}).`);
    } else {
      const names = [...s.categories].map((c) => categoryNames.get(c) ?? c).join(", ");
      notes.push(
        `Källan ${s.sourceId} täcker inte ${month} (${describeCoverage(s.coverage)}): ` +
          `uppgift saknas för ${names} och för ${categoryNames.get(s.total ?? "total") ?? "Alla kategorier"}.`,
      );
    }
  }
  if (failures.length > 0) throw new LagesbildError("not_covered", failures.join("\n"));
  return notes;
}
