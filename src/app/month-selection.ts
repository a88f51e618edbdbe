/**
 * Which months a run builds (spec/cli.md): `--month YYYY-MM`, `--month latest`, `--from/--to`, or by
 * default the previous calendar month in the config's zone, so a scheduler needs no flag.
 */
import { LagesbildError } from "../core/errors.ts";
import { addMonths, isYearMonth, monthIndex, monthRange, type YearMonth } from "../core/month.ts";

export interface MonthFlags {
  month?: string;
  from?: string;
  to?: string;
}

/** `--month latest` when no month is covered by every required incident source (exit 4). */
export const NO_LATEST_MONTH = "Ingen månad täcks ännu av alla obligatoriska händelsekällor (data inte levererad).";

/** The previous calendar month of the month containing the run's "now". */
export function defaultMonth(currentMonth: YearMonth): YearMonth {
  return addMonths(currentMonth, -1);
}

function checkMonth(flag: string, value: string): YearMonth {
  if (!isYearMonth(value)) throw new LagesbildError("usage", `${flag}: "${value}" är inte en månad (skriv YYYY-MM, t.ex. 2024-03)`);
  return value;
}

/**
 * Resolves the flags to a list of months, oldest first. `latest` needs the latest month every
 * incident source covers, which is only known after ingestion: it is passed in as a function.
 */
export function selectMonths(flags: MonthFlags, currentMonth: YearMonth, latestCovered: () => YearMonth | null): YearMonth[] {
  if (flags.month !== undefined && (flags.from !== undefined || flags.to !== undefined)) {
    throw new LagesbildError("usage", "--month kan inte kombineras med --from/--to (välj en månad eller ett intervall)");
  }
  if (flags.to !== undefined && flags.from === undefined) {
    throw new LagesbildError("usage", "--to kräver --from (ange intervallets första månad)");
  }
  if (flags.from !== undefined) {
    const from = checkMonth("--from", flags.from);
    const to = flags.to !== undefined ? checkMonth("--to", flags.to) : defaultMonth(currentMonth);
    if (monthIndex(from) > monthIndex(to)) throw new LagesbildError("usage", `--from ${from} ligger efter --to ${to}`);
    return monthRange(from, to);
  }
  if (flags.month === "latest") {
    const latest = latestCovered();
    if (latest === null) throw new LagesbildError("not_covered", NO_LATEST_MONTH);
    return [latest];
  }
  if (flags.month !== undefined) return [checkMonth("--month", flags.month)];
  return [defaultMonth(currentMonth)];
}

/**
 * The one month a run builds when it is known before any source is read: `--month YYYY-MM` or the
 * default month; undefined for a range and for `latest` (known only after ingestion). The run starts
 * the area charts' workers ahead for it (run.ts).
 */
export function singleMonthBeforeReading(flags: MonthFlags, currentMonth: YearMonth): YearMonth | undefined {
  if (flags.from !== undefined || flags.month === "latest") return undefined;
  return selectMonths(flags, currentMonth, () => null)[0];
}
