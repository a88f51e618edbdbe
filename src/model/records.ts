/**
 * What ingestion hands to aggregation (and run.json, the run summary and the manifest read): per-file
 * row accounting and, for incident sources, counts per (area, month, category). Memory is bounded by the number of groups and distinct ids, never by rows
 * (spec/indicators.md "Performance"). These schemas are also what the per-file cache validates on load.
 */
import { z } from "zod";
import type { ActionSourceData, FieldSourceData, PopulationSourceData, ReferenceSourceData, SurveySourceData } from "./extra-records.ts";

/** Rows read = accepted + ignored + rejected, always (spec/README.md non-negotiable 1). */
export const TallySchema = z.object({
  read: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  ignored: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /**
   * `ignore_list`, `other_kommun`, `summary_event`, `duplicate`, `superseded`, `blank`, `total_row`, and
   * `suppressed_at_source` (a survey figure the source hid for too few answers: read-survey-results.ts).
   */
  ignored_by_reason: z.record(z.string(), z.number().int().nonnegative()),
  /** Spec reason codes, e.g. `bad_date`, `unknown_category:Vapenbrott`, `unknown_area:Storgatan 3`. */
  rejected_by_reason: z.record(z.string(), z.number().int().nonnegative()),
});
export type Tally = z.infer<typeof TallySchema>;

/** One rejected (or noteworthy ignored) row, for the run summary, `validate` and the quarantine. */
export const ProblemSchema = z.object({
  /** Project-relative path of the file. */
  file: z.string(),
  /** Physical line the row starts on (JSON: 1-based position in the array); null for a whole-file problem. */
  line: z.number().int().positive().nullable(),
  /** The spec's reason code, e.g. `bad_date` or `unknown_category:Vapenbrott`. */
  reason: z.string(),
  /** Swedish: what is wrong and what to do. Already scrubbed of personal identifiers. */
  message: z.string(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const UNDATED = "undated";

export const FileReportSchema = z.object({
  /** Relative to the project root, forward slashes: never absolute (spec/outputs.md). */
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.enum(["utf-8", "utf-16le", "utf-16be", "windows-1252", "json"]),
  tally: TallySchema,
  /** The same accounting per month of the row's date, with `undated` for rows without a usable date. */
  by_month: z.record(z.string(), TallySchema),
  /**
   * Per month (`YYYY-MM`), the first and last local day of the month on which the file holds a row with
   * a usable date that is not in the future, whatever the row's outcome or kommun (an other kommun's
   * police event, an ignored label, a rejected number all count): a source's coverage comes from its
   * data, not from the rows this kommun accepted (spec/indicators.md "Coverage"). Never published.
   * Optional only so that a report built by hand (tests) may leave it out: readers always set it.
   */
  dated: z.record(z.string(), z.tuple([z.number().int().min(1).max(31), z.number().int().min(1).max(31)])).optional(),
  /** Rejections with file/line/reason; capped per file so a broken file cannot flood memory. */
  problems: z.array(ProblemSchema),
  /** How many problems were left out of `problems` by the cap (they are still counted in `tally`). */
  problems_truncated: z.number().int().nonnegative(),
  /**
   * Accepted rows placed by their coordinates (no area cell, `areas_geojson` configured): in an area's
   * polygon, or outside every area and so under "okänt område". A note on accepted rows, not an outcome.
   */
  coordinates: z.object({ in_area: z.number().int().nonnegative(), outside: z.number().int().nonnegative() }).optional(),
});
export type FileReport = z.infer<typeof FileReportSchema>;

/** `${area}\t${month}\t${category}`; area is an area id or `okant`. */
export type GroupKey = string;

export function groupKey(area: string, month: string, category: string): GroupKey {
  return `${area}\t${month}\t${category}`;
}

export interface IncidentSourceData {
  sourceId: string;
  files: FileReport[];
  /** First and last month of accepted rows. Not coverage: that comes from the files' `dated` spans (aggregate/coverage.ts). */
  firstMonth: string | null;
  lastMonth: string | null;
  /** Σ count of accepted rows per group; `kommun` is not stored, it is the sum over areas. */
  counts: ReadonlyMap<GroupKey, number>;
  /**
   * True when the source has rows without an area (aggregated-csv without `area`): then the area
   * cells of every category it maps are unavailable, never a partial sum (spec/inputs.md).
   */
  arealess: boolean;
  /**
   * For an archive built by `lagesbild hamta polisen`: the months its polls saw whole, and the gaps
   * between polls (src/ingest/poll-log.ts); absent for files collected any other way.
   */
  polled?: PolledMonths;
}

/** What the polls of an archive saw, as instants (epoch ms): read from its poll log (src/ingest/poll-log.ts). */
export interface PolledSpan {
  /** The oldest publication time in the first successful poll's answer. */
  from: number;
  /** The last successful poll. */
  to: number;
  gaps: Array<{ from: number; to: number }>;
}

/** The months a polled archive saw whole (`from` after `to`: none yet), and its gaps as epoch-ms intervals. */
export interface PolledMonths {
  from: string;
  to: string;
  gaps: Array<{ from: number; to: number }>;
}

export interface IngestResult {
  incidents: IncidentSourceData[];
  /** Survey, field-report and actions sources (extra-records.ts); absent means none configured. */
  surveys?: SurveySourceData[];
  field?: FieldSourceData[];
  actions?: ActionSourceData[];
  /** Population per year (`kind: population`, read-population.ts). */
  population?: PopulationSourceData[];
  /** Comparison rates for other geographies (`kind: reference`, read-reference.ts); never in the counts. */
  reference?: ReferenceSourceData[];
  /** Sources of kinds/formats not built yet, unreadable config parts, …: Swedish, shown in the summary. */
  warnings: string[];
}

export interface SourceFiles {
  sourceId: string;
  files: FileReport[];
}

/**
 * The survey, field-report, actions, population and reference sources' files, in that order
 * (incident sources are listed by their callers).
 */
export function extraSourceFiles(ingest: IngestResult): SourceFiles[] {
  return [...(ingest.surveys ?? []), ...(ingest.field ?? []), ...(ingest.actions ?? []), ...(ingest.population ?? []), ...(ingest.reference ?? [])].map((s) => ({ sourceId: s.sourceId, files: s.files }));
}

/**
 * Every source's files in config-independent ingest order (incidents, then surveys, field reports,
 * actions, population, reference), for the places that list all files: run.json, the run summary,
 * the manifest's inputs. It defines the order of the model's files, so it lives with the model.
 */
export function allSourceFiles(ingest: IngestResult): SourceFiles[] {
  return [...ingest.incidents.map((s) => ({ sourceId: s.sourceId, files: s.files })), ...extraSourceFiles(ingest)];
}
