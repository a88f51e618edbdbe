/**
 * `validate` for the survey, field-report and actions sources: their problems grouped and counted.
 * Their `max_rejected_share` check is part of the month's verdict (aggregate/month-verdict.ts), which
 * `run` and `validate` share.
 */
import type { Config } from "../config/load-config.ts";
import { extraSourceFiles } from "../ingest/all-source-files.ts";
import type { IngestResult } from "../ingest/types.ts";
import { problemGroupLines } from "./problem-groups.ts";

export function validateExtraSources(_config: Config, ingest: IngestResult, lines: string[]): void {
  for (const s of extraSourceFiles(ingest)) {
    const truncated = s.files.reduce((sum, f) => sum + f.problems_truncated, 0);
    lines.push(...problemGroupLines(s.sourceId, s.files.flatMap((f) => f.problems), truncated));
  }
}
