/**
 * Coverage of an archive built by polling (spec/indicators.md "Coverage", issue 19): it starts where
 * the first poll's answer starts and never reaches past the last successful poll, whatever the rows
 * say; and a gap between polls is told in the report month's notes ("polisens händelser saknas 3–5
 * augusti", worded in render/coverage-text.ts). A separate input to coverage: the bound applies on top of the data's own span, and a
 * bound the config declares in `covers` still wins (the analyst's word, e.g. after a gap was filled).
 */
import { addMonths, monthIndex } from "../core/month.ts";
import { monthStart } from "../core/zoned-month.ts";
import type { MonthNote } from "../model/month-notes.ts";
import type { PolledMonths } from "../model/records.ts";

interface Bounds {
  from: string | null;
  to: string | null;
}

/** Narrows a coverage to what the polls saw; bounds declared in `covers` are left as declared. */
export function boundByPolls(coverage: Bounds, polled: PolledMonths | undefined, covers: { from?: string | undefined; to?: string | undefined } | undefined): Bounds {
  if (polled === undefined) return coverage;
  let { from, to } = coverage;
  if (covers?.from === undefined && from !== null && monthIndex(polled.from) > monthIndex(from)) from = polled.from;
  if (covers?.to === undefined && to !== null && monthIndex(polled.to) < monthIndex(to)) to = polled.to;
  return { from, to };
}

/** The notes for report month `month`: one per gap that overlaps it (worded by render/coverage-text.ts). */
export function pollGapNotes(sourceId: string, polled: PolledMonths | undefined, month: string, timeZone: string): MonthNote[] {
  if (polled === undefined) return [];
  const start = monthStart(month, timeZone);
  const end = monthStart(addMonths(month, 1), timeZone);
  return polled.gaps
    .filter((g) => g.from < end && g.to >= start)
    .map((g): MonthNote => ({ kind: "poll_gap", sourceId, from: g.from, to: g.to }));
}
