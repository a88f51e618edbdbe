/**
 * Whether a report month may be built, decided once for `run` and `validate` alike (same checks, same
 * words), in the order of spec/inputs.md. A source with no file or an unreadable file has already
 * failed ingestion (exit 1); then:
 *   1. coverage: a month not yet ended, or not covered by a required incident source, fails with exit 4
 *      ("data inte levererad"), whatever the rows the sources rejected: a scheduler retries until the
 *      export arrives instead of mailing a data error every day;
 *   2. the rejected share (`max_rejected_share`, at least 3 rejected rows), only for the sources that
 *      cover the month, and for the survey, field-report and actions sources: exit 1.
 * Pure: no I/O, no clock, no words: the failed checks come back as data, and app/month-check-text.ts
 * turns them into the error and messages `run` and `validate` show.
 */
import type { Config } from "../config/load-config.ts";
import type { IncidentSourceConfig } from "../config/schema.ts";
import { monthIndex } from "../core/month.ts";
import type { IngestResult } from "../model/records.ts";
import type { MonthCheck } from "../model/month-notes.ts";
import { coversMonth, latestCommonMonth, notCoveredReason, sourceCoverage, type Coverage } from "./coverage.ts";
import { extraRejectedShares } from "./extra-rejected-share.ts";
import { rejectedShare, type RejectedShare } from "./rejected-share.ts";

/** One bad row in a small log is reported, not fatal (spec/inputs.md). */
export const MIN_REJECTED_TO_FAIL = 3;

/** Each incident source's coverage at this run time, in config order. */
export function incidentCoverages(config: Config, ingest: IngestResult, currentMonth: string): Array<{ source: IncidentSourceConfig; keyPath: string; coverage: Coverage }> {
  const out: Array<{ source: IncidentSourceConfig; keyPath: string; coverage: Coverage }> = [];
  config.sources.forEach((source, i) => {
    if (source.kind !== "incidents") return;
    const files = ingest.incidents.find((d) => d.sourceId === source.id)?.files ?? [];
    out.push({ source, keyPath: `sources[${i}]`, coverage: sourceCoverage(files, source, currentMonth) });
  });
  return out;
}

/** The latest month that every required incident source covers (`--month latest`), or null. */
export function latestCoveredMonth(config: Config, ingest: IngestResult, currentMonth: string): string | null {
  return latestCommonMonth(incidentCoverages(config, ingest, currentMonth).filter((c) => c.source.required).map((c) => c.coverage));
}

function overLimit(share: RejectedShare, limit: number): boolean {
  return share.share > limit && share.rejected >= MIN_REJECTED_TO_FAIL;
}

/**
 * The month's failed checks in check order (empty when it may be built): a month not yet ended alone;
 * else the required sources that do not cover it (exit 4), then the rejected shares over the limit (exit 1).
 * `monthVerdict(config, ingest, "2026-08", { month: "2026-09", iso: "2026-09-02T06:00:00+02:00" })`;
 * `generatedAt.month` is the month containing the run's "now".
 */
export function monthVerdict(config: Config, ingest: IngestResult, month: string, generatedAt: { month: string; iso: string }): MonthCheck[] {
  if (monthIndex(month) >= monthIndex(generatedAt.month)) return [{ kind: "month_not_ended", month, generatedAt: generatedAt.iso }];
  const checks: MonthCheck[] = [];
  const coverages = incidentCoverages(config, ingest, generatedAt.month);
  for (const { source, keyPath, coverage } of coverages) {
    if (source.required && !coversMonth(coverage, month)) {
      checks.push({ kind: "not_covered", sourceId: source.id, keyPath, month, coverage, reason: notCoveredReason(coverage, month) });
    }
  }
  const limit = config.max_rejected_share;
  for (const { source, coverage } of coverages) {
    // A source that does not cover the month has no rows to judge there (spec/inputs.md).
    if (!coversMonth(coverage, month)) continue;
    const data = ingest.incidents.find((d) => d.sourceId === source.id);
    const share = rejectedShare(data?.files ?? [], month);
    if (overLimit(share, limit)) checks.push({ kind: "rejected_share", sourceId: source.id, rejected: share.rejected, base: share.base, share: share.share, limit, month });
  }
  for (const share of extraRejectedShares(ingest, month)) {
    if (overLimit(share, limit)) {
      checks.push({ kind: "rejected_share", sourceId: share.sourceId, rejected: share.rejected, base: share.base, share: share.share, limit, month: share.wholeFile ? null : month });
    }
  }
  return checks;
}
