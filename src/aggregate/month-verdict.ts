/**
 * Whether a report month may be built, decided once for `run` and `validate` alike (same checks, same
 * words), in the order of spec/inputs.md. A source with no file or an unreadable file has already
 * failed ingestion (exit 1); then:
 *   1. coverage: a month not yet ended, or not covered by a required incident source, fails with exit 4
 *      ("data inte levererad"), whatever the rows the sources rejected: a scheduler retries until the
 *      export arrives instead of mailing a data error every day;
 *   2. the rejected share (`max_rejected_share`, at least 3 rejected rows), only for the sources that
 *      cover the month, and for the survey, field-report and actions sources: exit 1.
 * Pure: no I/O, no clock.
 */
import type { Config } from "../config/load-config.ts";
import type { IncidentSourceConfig } from "../config/schema.ts";
import { LagesbildError } from "../core/errors.ts";
import { monthIndex } from "../core/month.ts";
import type { IngestResult } from "../model/records.ts";
import { coversMonth, latestCommonMonth, notCoveredMessage, sourceCoverage, type Coverage } from "./coverage.ts";
import { extraRejectedShares } from "./extra-rejected-share.ts";
import { rejectedShare, type RejectedShare } from "./rejected-share.ts";

/** One bad row in a small log is reported, not fatal (spec/inputs.md). */
export const MIN_REJECTED_TO_FAIL = 3;

export interface MonthVerdict {
  /** The error that decides the month (exit 4 before exit 1), or null when it may be built. */
  error: LagesbildError | null;
  /** Every failed check's message, in check order: `validate` prints them all. */
  messages: string[];
}

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

function shareMessage(sourceId: string, share: RejectedShare, where: string, limit: number): string {
  const pct = (100 * share.share).toFixed(1).replace(".", ",");
  const max = (100 * limit).toFixed(1).replace(".", ",");
  return (
    `Källan ${sourceId}: ${share.rejected} av ${share.base} rader ${where} avvisades (${pct} %, gränsen är ${max} %). ` +
    "Rätta raderna (kör lagesbild validate) eller höj max_rejected_share."
  );
}

function overLimit(share: RejectedShare, limit: number): boolean {
  return share.share > limit && share.rejected >= MIN_REJECTED_TO_FAIL;
}

/**
 * `monthVerdict(config, ingest, "2026-08", { month: "2026-09", iso: "2026-09-02T06:00:00+02:00" })`.
 * `generatedAt.month` is the month containing the run's "now".
 */
export function monthVerdict(config: Config, ingest: IngestResult, month: string, generatedAt: { month: string; iso: string }): MonthVerdict {
  const messages: string[] = [];
  if (monthIndex(month) >= monthIndex(generatedAt.month)) {
    const message = `Månaden ${month} är inte slut ännu (körningens tid är ${generatedAt.iso}): den täcks inte av någon källa (data inte levererad).`;
    return { error: new LagesbildError("not_covered", message), messages: [message] };
  }
  const coverages = incidentCoverages(config, ingest, generatedAt.month);
  const notCovered: string[] = [];
  for (const { source, keyPath, coverage } of coverages) {
    if (source.required && !coversMonth(coverage, month)) notCovered.push(notCoveredMessage(source.id, keyPath, coverage, month));
  }
  messages.push(...notCovered);

  const shares: string[] = [];
  for (const { source, coverage } of coverages) {
    // A source that does not cover the month has no rows to judge there (spec/inputs.md).
    if (!coversMonth(coverage, month)) continue;
    const data = ingest.incidents.find((d) => d.sourceId === source.id);
    const share = rejectedShare(data?.files ?? [], month);
    if (overLimit(share, config.max_rejected_share)) shares.push(shareMessage(source.id, share, `för ${month}`, config.max_rejected_share));
  }
  for (const share of extraRejectedShares(ingest, month)) {
    if (overLimit(share, config.max_rejected_share)) {
      shares.push(shareMessage(share.sourceId, share, share.wholeFile ? "i källans filer" : `för ${month}`, config.max_rejected_share));
    }
  }
  messages.push(...shares);
  const error =
    notCovered.length > 0 ? new LagesbildError("not_covered", notCovered.join("\n"))
    : shares.length > 0 ? new LagesbildError("rejected_share", shares.join("\n"))
    : null;
  return { error, messages };
}
