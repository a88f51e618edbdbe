import type { FileReport } from "../model/records.ts";
import { publishableReasons } from "../model/reason-codes.ts";
import type { Indicators } from "../model/indicators.ts";

/** A source file as `indicators.json` lists it: row accounting with publishable reasons only. */
export function sourceFileSummary(f: FileReport): Indicators["sources"][number]["files"][number] {
  return {
    path: f.path,
    sha256: f.sha256,
    rows_read: f.tally.read,
    rows_accepted: f.tally.accepted,
    rows_ignored: f.tally.ignored,
    rows_rejected: f.tally.rejected,
    ignored_by_reason: publishableReasons(f.tally.ignored_by_reason),
    rejected_by_reason: publishableReasons(f.tally.rejected_by_reason),
  };
}
