/** The months and gaps of a polled archive, read from its poll log (null before its first poll). */
import { addMonths } from "../core/month.ts";
import { monthOf, monthStart } from "../core/zoned-month.ts";
import type { PolledMonths, PolledSpan } from "../model/records.ts";
import { archiveDir } from "../config/archive-files.ts";
import { polledSpan, readPollLog } from "./poll-log.ts";

/**
 * The months a span of polls saw from their first to their last moment: the first month starting at
 * or after `span.from`, through the last month that ended at or before `span.to`.
 */
export function polledMonths(span: PolledSpan, timeZone: string): PolledMonths {
  let from = monthOf(span.from, timeZone);
  if (monthStart(from, timeZone) < span.from) from = addMonths(from, 1);
  const to = addMonths(monthOf(span.to, timeZone), -1);
  return { from, to, gaps: span.gaps };
}

/** @param absolutePattern the source's `path`, resolved against the config's folder */
export function polledArchive(absolutePattern: string, timeZone: string): PolledMonths | null {
  const span = polledSpan(readPollLog(archiveDir(absolutePattern)));
  return span === null ? null : polledMonths(span, timeZone);
}
