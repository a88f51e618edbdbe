/**
 * Row accounting for one file (spec/inputs.md, spec/README.md non-negotiable 1): every row ends in
 * exactly one outcome, counted whole-file and per month of its date (`undated` when it has none).
 * `record` is the only way a row is counted, so read = accepted + ignored + rejected holds by
 * construction; `supersede` is the only way a counted row changes outcome afterwards.
 */
import { UNDATED, type FileReport, type Problem, type Tally } from "../model/records.ts";
import type { IgnoreCode } from "../model/reason-codes.ts";

export type Outcome = "accepted" | "ignored" | "rejected";

/** Problems kept per file: a broken file must not flood memory or the summary. */
export const MAX_PROBLEMS_PER_FILE = 1000;

export function emptyTally(): Tally {
  return { read: 0, accepted: 0, ignored: 0, rejected: 0, ignored_by_reason: {}, rejected_by_reason: {} };
}

export function newFileReport(path: string, sha256: string, encoding: FileReport["encoding"]): FileReport {
  return { path, sha256, encoding, tally: emptyTally(), by_month: {}, dated: {}, problems: [], problems_truncated: 0 };
}

/**
 * Notes that the file holds a row dated local day `day` of `month` (not in the future), whatever the
 * row's outcome: the source's span for coverage (FileReport.dated, spec/indicators.md "Coverage").
 */
export function noteDated(report: FileReport, month: string, day: number): void {
  const dated = (report.dated ??= {});
  const span = dated[month];
  if (span === undefined) dated[month] = [day, day];
  else if (day < span[0]) span[0] = day;
  else if (day > span[1]) span[1] = day;
}

function monthTally(report: FileReport, month: string | null): Tally {
  const key = month ?? UNDATED;
  let tally = report.by_month[key];
  if (tally === undefined) report.by_month[key] = tally = emptyTally();
  return tally;
}

function count(tally: Tally, outcome: Outcome, reason: string | null): void {
  tally.read++;
  tally[outcome]++;
  if (outcome === "ignored") bump(tally.ignored_by_reason, reason ?? "unknown");
  else if (outcome === "rejected") bump(tally.rejected_by_reason, reason ?? "unknown");
}

function bump(byReason: Record<string, number>, reason: string): void {
  byReason[reason] = (byReason[reason] ?? 0) + 1;
}

/**
 * Counts one row. `reason` is the ignore/rejection reason (null for accepted rows); `month` is the
 * row's month, or null when the row has no usable date. A plain string still, not RowReason, because
 * read-polisen-events.ts passes plain strings and is being rewritten on another branch today; type it
 * when that has merged.
 */
export function record(report: FileReport, outcome: Outcome, reason: string | null, month: string | null): void {
  count(report.tally, outcome, reason);
  count(monthTally(report, month), outcome, reason);
}

/**
 * Counts `n` rows of one outcome, reason and month at once: a group run reads a county's police events
 * once and counts each kommun's "other kommun" rows in bulk (read-shared-events.ts).
 */
export function recordMany(report: FileReport, outcome: Outcome, reason: string | null, month: string | null, n: number): void {
  if (n <= 0) return;
  for (const tally of [report.tally, monthTally(report, month)]) {
    tally.read += n;
    tally[outcome] += n;
    if (outcome === "ignored") tally.ignored_by_reason[reason ?? "unknown"] = (tally.ignored_by_reason[reason ?? "unknown"] ?? 0) + n;
    else if (outcome === "rejected") tally.rejected_by_reason[reason ?? "unknown"] = (tally.rejected_by_reason[reason ?? "unknown"] ?? 0) + n;
  }
}

/**
 * Moves one accepted row of `report` (dated `month`) to ignored `reason`: a later file revised it
 * (spec/inputs.md: the earlier row becomes `superseded`). Rows read stay the same.
 */
export function reclassifyAccepted(report: FileReport, month: string, reason: IgnoreCode): void {
  for (const tally of [report.tally, monthTally(report, month)]) {
    tally.accepted--;
    tally.ignored++;
    bump(tally.ignored_by_reason, reason);
  }
}

/** Adds the rows counted in `from` to `into` (the ranges of one file, merge-file-ranges.ts). */
export function addTally(into: Tally, from: Tally): void {
  into.read += from.read;
  into.accepted += from.accepted;
  into.ignored += from.ignored;
  into.rejected += from.rejected;
  for (const [reason, n] of Object.entries(from.ignored_by_reason)) into.ignored_by_reason[reason] = (into.ignored_by_reason[reason] ?? 0) + n;
  for (const [reason, n] of Object.entries(from.rejected_by_reason)) into.rejected_by_reason[reason] = (into.rejected_by_reason[reason] ?? 0) + n;
}

/** Keeps the first MAX_PROBLEMS_PER_FILE problems and counts the rest. */
export function addProblem(report: FileReport, problem: Problem): void {
  if (report.problems.length < MAX_PROBLEMS_PER_FILE) report.problems.push(problem);
  else report.problems_truncated++;
}

/** True when read = accepted + ignored + rejected and the reason counts add up (for tests and asserts). */
export function isBalanced(tally: Tally): boolean {
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  return (
    tally.read === tally.accepted + tally.ignored + tally.rejected &&
    sum(tally.ignored_by_reason) === tally.ignored &&
    sum(tally.rejected_by_reason) === tally.rejected
  );
}
