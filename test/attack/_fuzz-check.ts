/**
 * The properties every reader must keep on any bytes (issue 8): it never throws past its boundary
 * (JSON may end in a file-level LagesbildError with a Swedish message), every FileReport balances
 * (read = accepted + ignored + rejected, whole file and per month, reason counts adding up), and every
 * rejected row has a reason code and a line.
 */
import { expect } from "vitest";
import { LagesbildError } from "../../src/core/errors.ts";
import { ingestSources } from "../../src/ingest/ingest-sources.ts";
import { isBalanced } from "../../src/ingest/tally.ts";
import type { FileReport, IngestResult } from "../../src/model/records.ts";
import { NOW, type TestProject } from "../fixtures/ingest/project.ts";
import type { FormatCase } from "./_formats.ts";

/** Reason codes of spec/inputs.md (ignored and rejected), with the `:<value>` forms. */
const REASON = /^(missing_field|bad_number|unknown_category|unknown_area|unknown_role|unknown_status|unknown_activity|unknown_indicator):.+$|^(bad_date|duplicate_id|future_date|bad_encoding|column_count|coordinates_unused)$/s;
const IGNORE_REASON = /^(ignore_list|other_kommun|summary_event|duplicate|superseded|blank|total_row|suppressed_at_source)$/;
/** A Swedish sentence: at least one å/ä/ö or a common Swedish word. */
export const SWEDISH = /[åäöÅÄÖ]|\b(filen|kan inte|raden|saknas|inte)\b/;

export function allReports(r: IngestResult): FileReport[] {
  return [...r.incidents, ...(r.surveys ?? []), ...(r.field ?? []), ...(r.actions ?? [])].flatMap((s) => s.files);
}

export function checkReport(f: FileReport): void {
  const where = `${f.path} ${JSON.stringify(f.tally)}`;
  expect(isBalanced(f.tally), where).toBe(true);
  let read = 0;
  for (const t of Object.values(f.by_month)) {
    expect(isBalanced(t), where).toBe(true);
    read += t.read;
  }
  expect(read, where).toBe(f.tally.read);
  for (const reason of Object.keys(f.tally.rejected_by_reason)) expect(reason, where).toMatch(REASON);
  for (const reason of Object.keys(f.tally.ignored_by_reason)) expect(reason, where).toMatch(IGNORE_REASON);
  const lined = f.problems.filter((p) => p.line !== null);
  for (const p of f.problems) {
    expect(p.reason.length, where).toBeGreaterThan(0);
    expect(p.message.trim().length, where).toBeGreaterThan(0);
  }
  for (const p of lined) expect(p.line!, where).toBeGreaterThanOrEqual(1);
  // Each rejected row adds one problem with its line (the list is capped, the overflow counted).
  expect(lined.length + f.problems_truncated, where).toBeGreaterThanOrEqual(f.tally.rejected);
}

/** Writes `bytes` as the format's file (null: leave it as it is) and ingests the project; asserts the properties. */
export async function ingestAndCheck(format: FormatCase, project: TestProject, bytes: Buffer | string | null): Promise<IngestResult | LagesbildError> {
  if (bytes !== null) project.write(format.file, bytes);
  let result: IngestResult;
  try {
    result = await ingestSources(project.config, { now: NOW, quarantine: true });
  } catch (error) {
    // Only a JSON file may be unreadable as a whole (spec: the police dump must be a JSON array), or a
    // CSV whose header lacks a required column (one file-level error, not a rejection per row: issue 13).
    const missingColumn = error instanceof LagesbildError && /saknas i rubrikraden/.test(error.message);
    if (!((format.json === true || missingColumn) && error instanceof LagesbildError)) throw error;
    expect(error.code).toBe("unreadable_file");
    expect(error.message).toMatch(SWEDISH);
    expect(error.message).not.toMatch(/\n\s+at /); // no stack trace
    return error;
  }
  const reports = allReports(result);
  expect(reports.length).toBeGreaterThanOrEqual(2);
  for (const f of reports) checkReport(f);
  return result;
}
