/**
 * `validate` for the survey, field-report and actions sources: their problems grouped and counted
 * and the `max_rejected_share` check (per month for field reports, whole file for survey and actions,
 * spec/inputs.md). Appends Swedish lines; returns the exit code after these checks.
 */
import { extraRejectedShares } from "../aggregate/extra-rejected-share.ts";
import type { Config } from "../config/load-config.ts";
import { EXIT, type ExitCode } from "../core/errors.ts";
import { extraSourceFiles } from "../ingest/all-source-files.ts";
import type { IngestResult } from "../ingest/types.ts";
import { problemGroupLines } from "./problem-groups.ts";
import { n } from "./summary.ts";

export function validateExtraSources(config: Config, ingest: IngestResult, month: string | null, lines: string[], exitCode: ExitCode): ExitCode {
  let code = exitCode;
  for (const s of extraSourceFiles(ingest)) {
    const truncated = s.files.reduce((sum, f) => sum + f.problems_truncated, 0);
    lines.push(...problemGroupLines(s.sourceId, s.files.flatMap((f) => f.problems), truncated));
  }
  if (month === null) return code;
  for (const share of extraRejectedShares(ingest, month)) {
    if (share.share <= config.max_rejected_share) continue;
    const where = share.wholeFile ? "i källans filer" : `för ${month}`;
    lines.push(`FEL: ${share.sourceId} har ${n(share.rejected)} avvisade av ${n(share.base)} rader ${where} – över gränsen max_rejected_share ${config.max_rejected_share}.`);
    code = EXIT.data;
  }
  return code;
}
