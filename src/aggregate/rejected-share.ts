/**
 * `max_rejected_share` (spec/inputs.md): per source and report month,
 * (rejected in the month + rejected undated) / (accepted + rejected in the month + rejected undated).
 * Above the limit the month fails (exit 1) and nothing is published for it (month-verdict.ts decides).
 * `future_date` rows count against no report month.
 */
import type { FileReport } from "../model/records.ts";
import { UNDATED } from "../model/records.ts";

export interface RejectedShare {
  rejected: number;
  base: number;
  share: number;
}

export function rejectedShare(files: ReadonlyArray<FileReport>, month: string): RejectedShare {
  let rejected = 0;
  let accepted = 0;
  for (const f of files) {
    const inMonth = f.by_month[month];
    const undated = f.by_month[UNDATED];
    // A `future_date` row is dated in a month not yet reportable: it counts against no report month.
    const future = inMonth?.rejected_by_reason.future_date ?? 0;
    rejected += (inMonth?.rejected ?? 0) - future + (undated?.rejected ?? 0);
    accepted += inMonth?.accepted ?? 0;
  }
  const base = accepted + rejected;
  return { rejected, base, share: base === 0 ? 0 : rejected / base };
}
