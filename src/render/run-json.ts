/**
 * `run.json` (published beside the report): the run's row accounting per source file, whole-file and
 * per month with an `undated` bucket, as reason codes and counts only. No row values beyond category
 * labels (publishableReasons) and no paths outside the project (FileReport paths are project-relative).
 */
import type { IngestResult, Tally } from "../model/records.ts";
import { allSourceFiles, UNDATED } from "../model/records.ts";
import { publishableReasons } from "../model/reason-codes.ts";

function counts(t: Tally) {
  return {
    rows_read: t.read,
    rows_accepted: t.accepted,
    rows_ignored: t.ignored,
    rows_rejected: t.rejected,
    ignored_by_reason: publishableReasons(t.ignored_by_reason),
    rejected_by_reason: publishableReasons(t.rejected_by_reason),
  };
}

function monthOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNDATED) return 1;
  if (b === UNDATED) return -1;
  return a < b ? -1 : 1;
}

export function buildRunJson(input: {
  month: string;
  generatedAt: string;
  version: string;
  ingest: IngestResult;
  sourceKinds: ReadonlyMap<string, { kind: string; format?: string }>;
}) {
  return {
    schema: "lagesbild.run/v1",
    month: input.month,
    generated_at: input.generatedAt,
    version: input.version,
    sources: allSourceFiles(input.ingest).map((s) => ({
      id: s.sourceId,
      kind: input.sourceKinds.get(s.sourceId)?.kind ?? "incidents",
      format: input.sourceKinds.get(s.sourceId)?.format ?? null,
      files: s.files.map((f) => ({
        path: f.path,
        sha256: f.sha256,
        ...counts(f.tally),
        // Counts only: accepted rows placed by coordinates, in an area or outside all (never the points).
        ...(f.coordinates ? { placed_by_coordinates: { ...f.coordinates } } : {}),
        by_month: Object.fromEntries(
          Object.entries(f.by_month)
            .sort(([a], [b]) => monthOrder(a, b))
            .map(([m, tally]) => [m, counts(tally)]),
        ),
      })),
    })),
    warnings: input.ingest.warnings,
  };
}
