/**
 * `max_rejected_share` for the survey, field-report and actions sources (spec/inputs.md): field
 * reports per report month like incidents; survey and actions sources over the whole file, since a
 * survey or a plan's log is not a monthly series (a bad row there is wrong in every month).
 */
import type { IngestResult } from "../model/records.ts";
import { rejectedShare, type RejectedShare } from "./rejected-share.ts";

export interface ShareOverLimit extends RejectedShare {
  sourceId: string;
  /** True when the share is over the whole file rather than the month. */
  wholeFile: boolean;
}

export function extraRejectedShares(ingest: IngestResult, month: string): ShareOverLimit[] {
  const out: ShareOverLimit[] = [];
  for (const s of ingest.field ?? []) out.push({ sourceId: s.sourceId, wholeFile: false, ...rejectedShare(s.files, month) });
  // A population table is one figure per year, not a monthly series: whole file, like a survey.
  for (const s of [...(ingest.surveys ?? []), ...(ingest.actions ?? []), ...(ingest.population ?? []), ...(ingest.reference ?? [])]) {
    let rejected = 0;
    let accepted = 0;
    for (const f of s.files) {
      rejected += f.tally.rejected;
      accepted += f.tally.accepted;
    }
    const base = accepted + rejected;
    out.push({ sourceId: s.sourceId, wholeFile: true, rejected, base, share: base === 0 ? 0 : rejected / base });
  }
  return out;
}
