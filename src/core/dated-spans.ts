/**
 * The days each month's dated rows span (`FileReport.dated`: month → [first day, last day]), merged
 * across the byte ranges of one file and the files of one source. Coverage (aggregate/coverage.ts)
 * reads the merged spans to tell a month delivered in full from one whose rows stop mid-month.
 */

/** Merges the `dated` spans of `from` into `into` (ranges of one file, files of one source). */
export function addDated(into: Record<string, [number, number]>, from: Readonly<Record<string, readonly [number, number]>> | undefined): void {
  for (const [month, [first, last]] of Object.entries(from ?? {})) {
    const span = into[month];
    if (span === undefined) into[month] = [first, last];
    else {
      if (first < span[0]) span[0] = first;
      if (last > span[1]) span[1] = last;
    }
  }
}
