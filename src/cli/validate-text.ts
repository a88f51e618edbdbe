/**
 * The Swedish report of `lagesbild validate` (app/validate.ts): every source's rows read / accepted /
 * ignored / rejected (summary.ts, as after `run`), each source's problems grouped and counted with its
 * coverage, then the month's verdict in `run`'s words and whether a run would succeed.
 */
import { describeCoverage, swedishDate } from "../aggregate/coverage.ts";
import { EXIT } from "../core/errors.ts";
import { extraSourceFiles } from "../model/records.ts";
import { NO_LATEST_MONTH } from "../app/month-selection.ts";
import type { ValidateResult } from "../app/validate.ts";
import { problemGroupLines } from "./problem-groups.ts";
import { describeSources } from "./summary.ts";

export function formatValidateText(r: ValidateResult): string {
  const { config, ingest } = r;
  const lines: string[] = [`Kontroll av ${config.configPath}`, ""];
  lines.push(...describeSources(config, ingest, { problemsPerFile: 0 }));
  for (const data of ingest.incidents) {
    const truncated = data.files.reduce((s, f) => s + f.problems_truncated, 0);
    lines.push(...problemGroupLines(data.sourceId, data.files.flatMap((f) => f.problems), truncated));
    const cov = r.coverages.get(data.sourceId);
    if (cov !== undefined) lines.push(`Täckning för ${data.sourceId}: ${describeCoverage(cov)}${cov.last === null ? "" : `; når till ${swedishDate(cov.last)}`}.`);
  }
  // The survey, field-report and actions sources: their problems grouped and counted the same way.
  for (const s of extraSourceFiles(ingest)) {
    const truncated = s.files.reduce((sum, f) => sum + f.problems_truncated, 0);
    lines.push(...problemGroupLines(s.sourceId, s.files.flatMap((f) => f.problems), truncated));
  }
  if (r.month === null) lines.push(`FEL: ${NO_LATEST_MONTH}`);
  for (const m of r.failures) lines.push(`FEL: ${m}`);
  lines.push("", r.exitCode === EXIT.ok ? `Allt klart: en körning för ${r.month} skulle lyckas.` : "En körning skulle misslyckas; se ovan.");
  return `${lines.join("\n")}\n`;
}
