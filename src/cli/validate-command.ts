/**
 * `lagesbild validate`: reads the config and every source and reports what `run` would accept, ignore
 * and reject, without writing anything. Exit 0 when a run of the month would succeed.
 */
import { sourceCoverage } from "../aggregate/coverage.ts";
import { rejectedShare } from "../aggregate/rejected-share.ts";
import { type Config, loadConfig } from "../config/load-config.ts";
import { EXIT, type ExitCode } from "../core/errors.ts";
import { resolveGeneratedAt } from "../core/generated-at.ts";
import { monthIndex } from "../core/month.ts";
import { ingestSources } from "../ingest/ingest-sources.ts";
import type { IngestResult } from "../ingest/types.ts";
import { defaultMonth } from "./month-selection.ts";
import { latestCoveredMonth, type RunEffects } from "./run-command.ts";
import { problemGroupLines } from "./problem-groups.ts";
import { describeSources, n } from "./summary.ts";
import { validateExtraSources } from "./validate-extra.ts";

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

export async function validate(opts: ValidateOptions, effects: RunEffects): Promise<ValidateResult> {
  const config = loadConfig(opts.config);
  const now = resolveGeneratedAt(opts.generatedAt, effects.env.SOURCE_DATE_EPOCH, effects.now(), config.timezone);
  const ingest = await ingestSources(config, { now: now.instant, quarantine: false, log: (level, msg, obj) => effects.log[level](obj ?? {}, msg) });
  const month =
    opts.month === "latest" ? latestCoveredMonth(config, ingest, now.month) : (opts.month ?? defaultMonth(now.month));
  const lines: string[] = [`Kontroll av ${config.configPath}`, ""];
  lines.push(...describeSources(config, ingest, { problemsPerFile: 0 }));
  let exitCode: ExitCode = EXIT.ok;
  for (const data of ingest.incidents) {
    const index = config.sources.findIndex((s) => s.id === data.sourceId);
    const source = config.sources[index];
    const truncated = data.files.reduce((s, f) => s + f.problems_truncated, 0);
    lines.push(...problemGroupLines(data.sourceId, data.files.flatMap((f) => f.problems), truncated));
    if (source?.kind !== "incidents") continue;
    const cov = sourceCoverage(data, source, now.month);
    lines.push(`Täckning för ${data.sourceId}: ${cov.from ?? "–"} till ${cov.to ?? "–"}`);
    if (month !== null) {
      const share = rejectedShare(data.files, month);
      if (share.share > config.max_rejected_share) {
        lines.push(`FEL: ${data.sourceId} har ${n(share.rejected)} avvisade av ${n(share.base)} rader för ${month} – över gränsen max_rejected_share ${config.max_rejected_share}.`);
        exitCode = EXIT.data;
      }
      if (source.required && (cov.to === null || cov.from === null || monthIndex(month) > monthIndex(cov.to) || monthIndex(month) < monthIndex(cov.from))) {
        lines.push(`Månaden ${month} täcks ännu inte av källan ${data.sourceId}.`);
        if (exitCode === EXIT.ok) exitCode = EXIT.notCovered;
      }
    }
  }
  exitCode = validateExtraSources(config, ingest, month, lines, exitCode);
  lines.push("", exitCode === EXIT.ok ? `Allt klart: en körning för ${month} skulle lyckas.` : "En körning skulle misslyckas; se ovan.");
  return { exitCode, text: `${lines.join("\n")}\n`, ingest, config };
}
