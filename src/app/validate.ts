/**
 * `lagesbild validate`: reads the config and every source and finds what `run` would accept, ignore
 * and reject, and the month's verdict, without writing anything. Exit 0 when a run of the month would
 * succeed. The Swedish report of it is the command line's (cli/validate-text.ts).
 */
import type { Coverage } from "../aggregate/coverage.ts";
import { incidentCoverages, latestCoveredMonth, monthVerdict } from "../aggregate/month-verdict.ts";
import { type Config, loadConfig } from "../config/load-config.ts";
import { EXIT, type ExitCode } from "../core/errors.ts";
import { resolveGeneratedAt } from "../core/generated-at.ts";
import type { YearMonth } from "../core/month.ts";
import { ingestSources } from "../ingest/ingest-sources.ts";
import type { IngestResult } from "../model/records.ts";
import { defaultMonth } from "./month-selection.ts";
import type { RunEffects } from "./run.ts";
import { checkCommentaryPath } from "./read-commentary.ts";

export interface ValidateOptions {
  config: string;
  month?: string;
  generatedAt?: string;
}

export interface ValidateResult {
  exitCode: ExitCode;
  ingest: IngestResult;
  config: Config;
  /** The month checked; null for `--month latest` when no month is covered by every required source (exit 4). */
  month: YearMonth | null;
  /** Each incident source's coverage, by source id. */
  coverages: ReadonlyMap<string, Coverage>;
  /** The month verdict's failures, in the words `run` uses for them (aggregate/month-verdict.ts). */
  failures: string[];
}

/** `prepared`: one kommun's config of a group config (the group's validate checks each kommun in turn). */
export async function validate(opts: ValidateOptions, effects: RunEffects, prepared?: Config): Promise<ValidateResult> {
  const config = prepared ?? loadConfig(opts.config);
  checkCommentaryPath(config);
  const now = resolveGeneratedAt(opts.generatedAt, effects.env.SOURCE_DATE_EPOCH, effects.now(), config.timezone);
  const ingest = await ingestSources(config, { now: now.instant, quarantine: false, log: (level, msg, obj) => effects.log[level](obj ?? {}, msg) });
  const month =
    opts.month === "latest" ? latestCoveredMonth(config, ingest, now.month) : (opts.month ?? defaultMonth(now.month));
  const coverages = new Map(incidentCoverages(config, ingest, now.month).map((c) => [c.source.id, c.coverage]));
  // The same verdict as `run` (aggregate/month-verdict.ts): exit 4 before exit 1, in the same words.
  if (month === null) return { exitCode: EXIT.notCovered, ingest, config, month, coverages, failures: [] };
  const verdict = monthVerdict(config, ingest, month, now);
  return { exitCode: verdict.error?.exitCode ?? EXIT.ok, ingest, config, month, coverages, failures: verdict.messages };
}
