/** The months and gaps of a polled archive, read from its poll log (null before its first poll). */
import { polledMonths } from "../aggregate/poll-coverage.ts";
import type { PolledMonths } from "../model/records.ts";
import { archiveDir } from "./archive-files.ts";
import { polledSpan, readPollLog } from "./poll-log.ts";

/** @param absolutePattern the source's `path`, resolved against the config's folder */
export function polledArchive(absolutePattern: string, timeZone: string): PolledMonths | null {
  const span = polledSpan(readPollLog(archiveDir(absolutePattern)));
  return span === null ? null : polledMonths(span, timeZone);
}
