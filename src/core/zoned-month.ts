/**
 * Calendar months in a time zone, for instants: where a month starts and which month holds an instant.
 * The polled archive's coverage (ingest/polled-archive.ts) and its gap notes (aggregate/poll-coverage.ts)
 * both count months in the config's zone, never in UTC: a poll at 00:30 on 1 September in Stockholm is
 * in September, though it is still August in UTC.
 */
import { parseLocalTimestamp } from "./parse-time.ts";

/** The instant `month` (YYYY-MM) starts in `timeZone`. */
export function monthStart(month: string, timeZone: string): number {
  const start = parseLocalTimestamp(`${month}-01`, timeZone);
  // A YYYY-MM from the month helpers always parses; a failure here is a bug, not bad input.
  if (start === null) throw new RangeError(`not a month: ${month}`);
  return start.instant;
}

/** The calendar month (in `timeZone`) holding an instant. */
export function monthOf(instant: number, timeZone: string): string {
  const p = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(instant);
  const part = (type: string) => p.find((x) => x.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}`;
}
