/**
 * One month of a run, in the order of the pipeline: the month's verdict (coverage, rejected share) →
 * indicators → suppression (one plan for the whole range, cached) → changes, render and publish
 * (write-month.ts). A month that fails with a known error is reported as failed and leaves its folder
 * as it was; the run goes on with the next month (spec/cli.md).
 */
import { buildIndicators } from "../aggregate/build-indicators.ts";
import { loadSolver } from "../aggregate/lp-interval.ts";
import { monthVerdict } from "../aggregate/month-verdict.ts";
import { referencesForMonth } from "../aggregate/reference-periods.ts";
import { decisionsThrough, planKeys, planStart, planSuppression, suppressIndicators, suppressionCounts, type SuppressionPlan } from "../aggregate/suppress.ts";
import { type Config, resolveConfigPath } from "../config/load-config.ts";
import { LagesbildError } from "../core/errors.ts";
import type { GeneratedAt } from "../core/generated-at.ts";
import { addMonths, type YearMonth } from "../core/month.ts";
import { VERSION } from "../core/version.ts";
import { allSourceFiles, type IngestResult } from "../model/records.ts";
import type { ManifestState } from "../publish/manifest-state.ts";
import { readPlanDecisions, suppressionPlanFile, writePlanDecisions } from "../publish/suppression-plan-cache.ts";
import { buildRunJson } from "../render/run-json.ts";
import { commentaryChanged, readCommentary } from "./read-commentary.ts";
import { monthVerdictText, notCoveredError } from "./month-check-text.ts";
import type { MonthOutcome, RunEffects, RunOptions } from "./run.ts";
import { writeMonth } from "./write-month.ts";

export interface MonthContext {
  config: Config;
  ingest: IngestResult;
  generatedAt: GeneratedAt;
  outDir: string;
  opts: RunOptions;
  state: ManifestState;
  effects: RunEffects;
  /** The last month of the range: the suppression plan must reach it. */
  lastMonth: YearMonth;
  plan: { plan?: SuppressionPlan | null };
}

export async function buildMonth(month: YearMonth, ctx: MonthContext): Promise<MonthOutcome> {
  const { config, ingest, generatedAt, outDir, opts, state, effects } = ctx;
  try {
    // Exit 4 (not delivered) is decided before exit 1 (rejected rows), as validate does.
    const verdict = monthVerdictText(monthVerdict(config, ingest, month, generatedAt));
    if (verdict.error !== null) throw verdict.error;
    const { indicators, notes, notCovered, count } = buildIndicators({ config, month, generatedAt: generatedAt.iso, revision: 1, incidents: ingest.incidents,
      surveys: ingest.surveys, field: ingest.field, actions: ingest.actions, population: ingest.population, reference: ingest.reference });
    // The figures see a polled archive's polls, which the verdict above does not: it can still fail here.
    if (notCovered.length > 0) throw notCoveredError(notCovered);
    if (ctx.plan.plan === undefined) {
      const from = planStart(indicators);
      if (from === null || config.suppression.min_count <= 1) ctx.plan.plan = null;
      else {
        const input = { rule: config.suppression, areas: indicators.areas.map((a) => a.id), entries: indicators.areas[0]?.incidents ?? [], count, from, to: ctx.lastMonth };
        // The plan is solved from the first covered month on every run; unchanged data reuses it.
        const cacheDir = resolveConfigPath(config, config.cache_dir);
        const keys = planKeys(input).map((key) => `${VERSION}:${key}`); // a new version may plan differently
        const cached = readPlanDecisions(cacheDir, keys, (reason) =>
          effects.log.warn({ month, file: suppressionPlanFile(cacheDir) }, `Röjandeskyddets sparade plan ${suppressionPlanFile(cacheDir)} kunde inte läsas (${reason}); planen löses på nytt.`),
        );
        const through = cached === undefined ? undefined : addMonths(from, cached.matching - 1);
        const solves = cached === undefined || cached.matching < keys.length;
        if (solves) await loadSolver();
        ctx.plan.plan = planSuppression(input, cached !== undefined && through !== undefined ? { decisions: decisionsThrough(cached.decisions, through), through } : undefined);
        if (solves) writePlanDecisions(cacheDir, keys, ctx.plan.plan.decisions());
      }
    }
    const published = suppressIndicators(indicators, ctx.plan.plan);
    const hidden = suppressionCounts(published);
    const sourceKinds = new Map(config.sources.map((s) => [s.id, { kind: s.kind, format: "format" in s ? s.format : undefined }]));
    const runJson = buildRunJson({ month, generatedAt: generatedAt.iso, version: VERSION, ingest, sourceKinds });
    const commentary = readCommentary(config, month);
    const result = await writeMonth({
      month,
      // The tables read one reference list: the config's, then each reference source's latest period by this month.
      config: { ...config, reference: referencesForMonth(config, ingest.reference, month) },
      published,
      notes,
      runJson,
      commentary: commentary.text,
      inputsChanged: (previous) => commentaryChanged(commentary, previous),
      inputs: [
        ...allSourceFiles(ingest).flatMap((s) => s.files.map((f) => ({ path: f.path, sha256: f.sha256 }))),
        ...(commentary.input ? [commentary.input] : []),
        // The areas' polygons (areas_geojson): an input of every month's maps and coordinate placement.
        ...(config.areaMap ? [{ path: config.areaMap.path, sha256: config.areaMap.sha256 }] : []),
      ],
      generatedAt: generatedAt.iso,
      version: VERSION,
      outDir,
      state,
      force: opts.force,
      onlyData: opts.onlyData,
      chartCacheDir: resolveConfigPath(config, config.cache_dir),
      warn: (obj, message) => effects.log.warn({ month, ...obj }, message),
    });
    if (result.status === "skipped") {
      effects.log.info({ month }, `${month}: oförändrad, hoppas över`);
      return { month, status: "skipped", revision: result.revision };
    }
    effects.log.info(
      { month, revision: result.revision, changes: result.note?.changes, suppression: hidden },
      `${month}: skriven (revision ${result.revision}); dolda celler i områdena: ${hidden.small} färre än ${config.suppression.min_count}, ${hidden.protects} döljs, av ${hidden.cells}`,
    );
    return { month, status: "written", revision: result.revision, record: result.record, note: result.note ?? undefined };
  } catch (error) {
    if (error instanceof LagesbildError) {
      effects.log.error({ month, code: error.code }, error.message);
      return { month, status: "failed", error: error.message, exitCode: error.exitCode };
    }
    throw error;
  }
}
