/**
 * `lagesbild run` with a group config (`kommuner:`, src/config/load-group-config.ts): every kommun's
 * report in one run, then the group's comparison pages (issue 18, item 3).
 *
 * Each kommun is today's one-kommun run (run.ts) on its own folder `<out>/<id>/`, with its own
 * lock, manifest, revisions, incremental skipping and atomic month swaps, exactly as a run of that
 * kommun alone; a kommun that fails (any error, a bug included) is recorded and the next one runs. The
 * shared police events are read once for all kommuner and split by kommun (read-shared-events.ts).
 * The group's own files are written last, under the group folder's lock. The exit code is the most
 * serious of the kommuner's (70, then 2, then 1, then 3, then 4).
 */
import path from "node:path";
import { type GroupConfig, loadGroupConfig } from "../config/load-group-config.ts";
import { EXIT, type ExitCode, LagesbildError } from "../core/errors.ts";
import { resolveGeneratedAt } from "../core/generated-at.ts";
import { readSharedPolisenEvents, isSplittable } from "../ingest/formats/read-shared-events.ts";
import type { IncidentSourceData } from "../model/records.ts";
import { acquireLock } from "../publish/lock.ts";
import { refuseSymlinks } from "../publish/write-atomic.ts";
import { writeGroupFiles } from "./write-group-files.ts";
import { selectMonths } from "./month-selection.ts";
import { formatDuration } from "./progress.ts";
import { run, type RunEffects, type RunOptions, type RunResult } from "./run.ts";
import { errorMessage } from "../core/error-facts.ts";

export interface KommunOutcome {
  id: string;
  name: string;
  /** The kommun's run, when it got as far as a result (its months may still have failed). */
  result: RunResult | null;
  exitCode: ExitCode;
  /** The error that stopped the kommun's run before any month (config, lock, no files, a bug). */
  error: string | null;
  seconds: number;
}

export interface GroupRunResult {
  exitCode: ExitCode;
  group: GroupConfig;
  outDir: string;
  kommuner: KommunOutcome[];
  /** Months whose comparison exists after the run, newest first. */
  comparisonMonths: string[];
  seconds: number;
}

/** Most serious first (spec/cli.md for a range: 70, 2, 1, 4; a held lock sits before "not delivered"). */
const SEVERITY: ReadonlyArray<ExitCode> = [EXIT.internal, EXIT.usage, EXIT.data, EXIT.locked, EXIT.notCovered];

export function worstExitCode(codes: ReadonlyArray<ExitCode>): ExitCode {
  for (const code of SEVERITY) if (codes.includes(code)) return code;
  return EXIT.ok;
}

/** The group's output folder: `--out`, else `output.dir` (relative to the config), else `<project root>/reports`. */
export function resolveGroupOutDir(group: GroupConfig["group"], out: string | undefined, cwd: string): string {
  if (out !== undefined) return path.resolve(cwd, out);
  if (group.outputDir !== undefined) return path.resolve(group.configDir, group.outputDir);
  return path.join(group.projectRoot, "reports");
}

export async function runGroup(opts: RunOptions, effects: RunEffects, loaded?: GroupConfig): Promise<GroupRunResult> {
  const gc = loaded ?? loadGroupConfig(opts.config);
  const started = effects.now();
  // One "now" for every kommun, so a run without --generated-at is one run, not 290 clocks.
  const generatedAt = resolveGeneratedAt(opts.generatedAt, effects.env.SOURCE_DATE_EPOCH, started, gc.group.timezone);
  selectMonths({ month: opts.month === "latest" ? undefined : opts.month, from: opts.from, to: opts.to }, generatedAt.month, () => null);
  const outDir = resolveGroupOutDir(gc.group, opts.out, opts.cwd ?? process.cwd());
  const lock = await acquireLock(outDir);
  if (lock.warning) effects.log.warn(lock.warning);
  try {
    refuseSymlinks(outDir);
    const configs = gc.kommuner.map((k) => k.config);
    // Shared police events: read once, split by kommun. A shared source that cannot be read here is
    // left to each kommun's own read, which fails with the one-kommun message and exit code.
    const shared = gc.kommuner.map(() => new Map<string, IncidentSourceData>());
    // The shared sources come first in every kommun's config, the same in each (load-group-config.ts).
    const first = configs[0];
    const nShared = gc.kommuner[0]?.sharedSources ?? 0;
    for (let i = 0; i < nShared; i++) {
      const source = first?.sources[i];
      if (source === undefined || !isSplittable(source)) continue;
      try {
        const t0 = effects.now();
        const data = await readSharedPolisenEvents(configs, i, {
          now: generatedAt.instant,
          quarantine: true,
          warn: (w) => effects.log.warn(w),
          log: (msg, fields) => effects.log.info(fields, msg),
        });
        data.forEach((d, k) => shared[k]?.set(source.id, d));
        effects.log.info({ source: source.id, ms: effects.now() - t0 }, `Källan ${source.id} lästes en gång för ${configs.length} kommuner.`);
      } catch (e) {
        effects.log.debug({ source: source.id, err: String(e) }, `Källan ${source.id} läses av varje kommun för sig.`);
      }
    }
    const outcomes: KommunOutcome[] = [];
    for (const [k, kommun] of gc.kommuner.entries()) {
      const name = kommun.config.kommun.name;
      const t0 = effects.now();
      const elapsed = Math.round((t0 - started) / 1000);
      const point = { kommun: kommun.id, n: k + 1, of: gc.kommuner.length, elapsed_s: elapsed };
      const line = `Kommun ${k + 1} av ${gc.kommuner.length}: ${name} (${formatDuration(elapsed)} hittills)`;
      if (effects.groupProgress) effects.groupProgress(line);
      else effects.log.info(point, line);
      const kommunEffects: RunEffects = { ...effects, log: effects.log.child({ kommun: kommun.id }) };
      try {
        const result = await run({ ...opts, out: path.join(outDir, kommun.id), generatedAt: generatedAt.iso }, kommunEffects, { config: kommun.config, shared: shared[k] });
        outcomes.push({ id: kommun.id, name, result, exitCode: result.exitCode, error: null, seconds: (effects.now() - t0) / 1000 });
      } catch (e) {
        // One kommun failing must not stop the others (issue 18.3): a bug is recorded as 70 too.
        const known = e instanceof LagesbildError;
        const message = known ? e.message : `internt fel (en bugg): ${errorMessage(e)}`;
        kommunEffects.log.error({ code: known ? e.code : "internal" }, message);
        if (!known && e instanceof Error) kommunEffects.log.debug({ stack: e.stack }, "stackspår");
        outcomes.push({ id: kommun.id, name, result: null, exitCode: known ? e.exitCode : EXIT.internal, error: message, seconds: (effects.now() - t0) / 1000 });
      }
      // Each kommun's shared data is dropped once its run is done: memory stays one kommun's, not 290.
      shared[k]?.clear();
    }
    const months = [...new Set(outcomes.flatMap((o) => (o.result?.months ?? []).filter((m) => m.status !== "failed").map((m) => m.month)))].sort();
    const comparisonMonths = writeGroupFiles({ group: gc.group, kommuner: gc.kommuner, outDir, months, onlyData: opts.onlyData, generatedAt: generatedAt.iso });
    return {
      exitCode: worstExitCode(outcomes.map((o) => o.exitCode)),
      group: gc,
      outDir,
      kommuner: outcomes,
      comparisonMonths,
      seconds: (effects.now() - started) / 1000,
    };
  } finally {
    lock.release();
  }
}
