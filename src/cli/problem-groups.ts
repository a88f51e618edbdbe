/**
 * `validate`'s problem list for one source: grouped by reason code (most frequent first), each group
 * counted, then every problem as `file:line: reason (what to do)` (spec/cli.md "grouped and counted").
 * Shared by incident sources and the survey, field-report and actions sources, so both read alike.
 */
import type { Problem } from "../model/records.ts";
import { formatProblem, n } from "./summary.ts";

function groupByReason(problems: ReadonlyArray<Problem>): Map<string, Problem[]> {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const code = p.reason.split(":")[0]!;
    groups.set(code, [...(groups.get(code) ?? []), p]);
  }
  return new Map([...groups].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1)));
}

/** Lines for one source; none when it has no problems. `truncated`: problems counted but not kept. */
export function problemGroupLines(sourceId: string, problems: ReadonlyArray<Problem>, truncated: number): string[] {
  if (problems.length === 0 && truncated === 0) return [];
  const lines = ["", `Problem i källan ${sourceId}, grupperade efter orsak:`];
  for (const [code, list] of groupByReason(problems)) {
    lines.push(`  ${code}: ${n(list.length)} ${list.length === 1 ? "rad" : "rader"}`);
    for (const p of list) lines.push(`    ${formatProblem(p)}`);
  }
  if (truncated > 0) lines.push(`  … ${n(truncated)} problem till visas inte (de räknas i summorna ovan)`);
  return lines;
}
