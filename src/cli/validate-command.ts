/**
 * `lagesbild validate`: reads the config and every source and reports what `run` would accept, ignore
 * and reject, without writing anything. Exit 0 when a run of the month would succeed.
 */
import { describeCoverage, swedishDate } from "../aggregate/coverage.ts";
import { incidentCoverages, latestCoveredMonth, monthVerdict } from "../aggregate/month-verdict.ts";
import { type Config, loadConfig } from "../config/load-config.ts";
import { EXIT, type ExitCode } from "../core/errors.ts";
import { resolveGeneratedAt } from "../core/generated-at.ts";
import { ingestSources } from "../ingest/ingest-sources.ts";
import type { IngestResult } from "../ingest/types.ts";
import { defaultMonth, NO_LATEST_MONTH } from "./month-selection.ts";
import type { RunEffects } from "./run-command.ts";
import { problemGroupLines } from "./problem-groups.ts";
import { describeSources } from "./summary.ts";
import { validateExtraSources } from "./validate-extra.ts";
import { checkCommentaryPath } from "./read-commentary.ts";

export interface ValidateOptions {
  config: string;
  month?: string;
  generatedAt?: string;
}

export interface ValidateResult {
  exitCode: ExitCode;
  text: string;
  ingest: IngestResult;
  config: Config;
}

/** `prepared`: one kommun's config of a group config (group-run.ts validates each kommun in turn). */
export async function validate(opts: ValidateOptions, effects: RunEffects, prepared?: Config): Promise<ValidateResult> {
  const config = prepared ?? loadConfig(opts.config);
  checkCommentaryPath(config);
  const now = resolveGeneratedAt(opts.generatedAt, effects.env.SOURCE_DATE_EPOCH, effects.now(), config.timezone);
  const ingest = await ingestSources(config, { now: now.instant, quarantine: false, log: (level, msg, obj) => effects.log[level](obj ?? {}, msg) });
  const month =
    opts.month === "latest" ? latestCoveredMonth(config, ingest, now.month) : (opts.month ?? defaultMonth(now.month));
  const lines: string[] = [`Kontroll av ${config.configPath}`, ""];
  lines.push(...describeSources(config, ingest, { problemsPerFile: 0 }));
  const coverages = new Map(incidentCoverages(config, ingest, now.month).map((c) => [c.source.id, c.coverage]));
  for (const data of ingest.incidents) {
    const truncated = data.files.reduce((s, f) => s + f.problems_truncated, 0);
    lines.push(...problemGroupLines(data.sourceId, data.files.flatMap((f) => f.problems), truncated));
    const cov = coverages.get(data.sourceId);
    if (cov !== undefined) lines.push(`Täckning för ${data.sourceId}: ${describeCoverage(cov)}${cov.last === null ? "" : `; når till ${swedishDate(cov.last)}`}.`);
  }
  validateExtraSources(config, ingest, lines);
  // The same verdict as `run` (aggregate/month-verdict.ts): exit 4 before exit 1, in the same words.
  let exitCode: ExitCode = EXIT.ok;
  if (month === null) {
    lines.push(`FEL: ${NO_LATEST_MONTH}`);
    exitCode = EXIT.notCovered;
  } else {
    const verdict = monthVerdict(config, ingest, month, now);
    for (const m of verdict.messages) lines.push(`FEL: ${m}`);
    if (verdict.error !== null) exitCode = verdict.error.exitCode;
  }
  lines.push("", exitCode === EXIT.ok ? `Allt klart: en körning för ${month} skulle lyckas.` : "En körning skulle misslyckas; se ovan.");
  return { exitCode, text: `${lines.join("\n")}\n`, ingest, config };
}
