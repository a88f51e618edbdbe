/**
 * Publishes one month, or skips it (spec/outputs.md "skip rule" and revisions):
 * - skipped, files untouched, when the hash of its canonical published indicators, the hash of the
 *   config's published parts (config-hash.ts) and the program version all equal the manifest's record
 *   (and the folder is there, built in the same mode), unless `force`;
 * - otherwise rebuilt; when its published figures differ from the `indicators.json` it replaces (read
 *   before the folder is swapped), `revision` goes up by one and a note in words of what changed is
 *   added to the month's `revisions.json`, which the report shows under "Om statistiken".
 * The revision is counted from the published folder, not from the manifest, so a manifest rebuilt after
 * a crash can never count a revision twice.
 */
import type { Indicators } from "../model/indicators.ts";
import { indicatorChanges } from "../aggregate/indicator-changes.ts";
import type { Config } from "../config/load-config.ts";
import { renderIndicatorsCsv } from "../render/indicators-csv.ts";
import { revisionNote } from "../render/revision-notes.ts";
import { stringifyJson, stringifyJsonCompactLeaves } from "../render/write-json.ts";
import path from "node:path";
import { publishedConfigHash } from "./config-hash.ts";
import { type MonthRecord, sha256 } from "./manifest.ts";
import type { ManifestState, MonthFile } from "./manifest-state.ts";
import { otherMonthFiles, publishedIndicatorsHash, readPublishedMonth, readRevisionNotes } from "./published-month.ts";
import { REVISIONS_FILE, type RevisionNote, type RevisionsFile } from "./revisions-file.ts";
import { stageFolder } from "./write-atomic.ts";

export interface WriteMonthInput {
  month: string;
  config: Config;
  /** The month's published (suppressed) indicators; `revision` is decided here. */
  published: Indicators;
  /** Coverage notes for the report. */
  notes: string[];
  /** The analysts' commentary for the month (Markdown), or null when there is none. */
  commentary?: string | null;
  /**
   * Whether an input that is neither a figure nor the config changed since the month was last built,
   * judged against the record's `inputs` (e.g. the commentary file): such a change rebuilds the month.
   */
  inputsChanged?: (previousInputs: MonthRecord["inputs"]) => boolean;
  runJson: unknown;
  inputs: MonthRecord["inputs"];
  generatedAt: string;
  version: string;
  outDir: string;
  state: ManifestState;
  force: boolean;
  onlyData: boolean;
  /** The run's cache folder: charts drawn by earlier runs are kept there (render/chart-store.ts). */
  chartCacheDir?: string;
}

export type WriteMonthResult =
  | { status: "skipped"; revision: number }
  | { status: "written"; revision: number; record: MonthRecord; note: RevisionNote | null };

/** The files `--only data` writes; the folder's other files (an earlier full build) are carried over. */
const DATA_FILES = new Set(["indicators.json", "indicators.csv", "run.json", REVISIONS_FILE]);

/**
 * sha256 of what a month publishes besides its figures: the files' hashes and row accounting in
 * `indicators.json` `sources` and in `run.json` (its `generated_at` left out, which changes every run).
 * The figures' hash leaves `sources` out on purpose (spec/outputs.md: a revision is a change of
 * figures), so without this an appended bad row left the old row counts and sha256 published.
 */
export function accountingHash(published: Pick<Indicators, "sources">, runJson: unknown): string {
  const run = runJson !== null && typeof runJson === "object" ? { ...(runJson as Record<string, unknown>) } : runJson;
  if (run !== null && typeof run === "object") delete (run as Record<string, unknown>).generated_at;
  return sha256(stringifyJson({ sources: published.sources, run }));
}

export async function writeMonth(input: WriteMonthInput): Promise<WriteMonthResult> {
  const { month, config, outDir, state } = input;
  const indicatorsHash = publishedIndicatorsHash(input.published);
  const accounting = accountingHash(input.published, input.runJson);
  const configHash = publishedConfigHash(config);
  const record = state.record(month);
  if (
    !input.force &&
    record &&
    // The folder's indicators.json is there and is the one this record was written with: the state
    // matches the files on disk (checked at start-up), so its revision is the record's and the file
    // need not be read (issue 7: a skipped month costs no read).
    state.fileSha256(`${month}/indicators.json`) !== undefined &&
    record.indicators_sha256 === indicatorsHash &&
    record.config_sha256 === configHash &&
    record.accounting_sha256 === accounting &&
    record.version === input.version &&
    (record.data_only ?? false) === input.onlyData &&
    !(input.inputsChanged?.(record.inputs) ?? false)
  ) {
    return { status: "skipped", revision: record.revision };
  }
  // The record describes the folder's indicators.json whenever the state lists that file: start-up
  // verified the manifest against the folder, or dropped every record whose hash and revision the
  // folder's file does not match (openManifestState). Then the previous figures' hash and revision are
  // the record's, and the 9 MB file of a 312-area month is read and hashed again only when the figures
  // changed, for the revision note (issue 20: the read, parse and second hash were a tenth of a warm run).
  const known = record !== undefined && state.fileSha256(`${month}/indicators.json`) !== undefined ? record : undefined;
  const sameAsKnown = known !== undefined && known.indicators_sha256 === indicatorsHash;
  const before = sameAsKnown ? null : readPublishedMonth(outDir, month);

  const previousRevision = known?.revision ?? before?.indicators.revision;
  const changed = known !== undefined ? !sameAsKnown : before !== null && publishedIndicatorsHash(before.indicators) !== indicatorsHash;
  const revision = previousRevision === undefined ? 1 : previousRevision + (changed ? 1 : 0);
  const note =
    changed && before !== null ? revisionNote(indicatorChanges(before.indicators, input.published), revision, input.generatedAt, config.suppression.min_count) : null;
  const revisions = [...(sameAsKnown ? readRevisionNotes(outDir, month) : (before?.revisions ?? [])), ...(note ? [note] : [])];
  const published: Indicators = { ...input.published, revision };

  const files: MonthFile[] = input.onlyData
    ? [
        { path: "indicators.json", content: stringifyJsonCompactLeaves(published) },
        { path: "indicators.csv", content: renderIndicatorsCsv(published) },
        { path: "run.json", content: stringifyJson(input.runJson) },
        ...otherMonthFiles(outDir, month, DATA_FILES, (rel) => state.fileEntry(rel)),
      ]
    : // Loaded only here: the renderer pulls in chart.js and canvas, which `--only data` never needs (issue 7).
      await (await import("../render/render-month.ts")).renderMonthFiles(published, { config, notes: input.notes, runJson: input.runJson, revisions, commentary: input.commentary ?? null, ...(input.chartCacheDir === undefined ? {} : { chartCacheDir: input.chartCacheDir }) });
  if (revisions.length > 0) {
    const sidecar: RevisionsFile = { schema: "lagesbild.revisions/v1", month, revisions };
    files.push({ path: REVISIONS_FILE, content: stringifyJson(sidecar) });
  }
  const newRecord: MonthRecord = {
    revision,
    generated_at: input.generatedAt,
    version: input.version,
    config_sha256: configHash,
    indicators_sha256: indicatorsHash,
    accounting_sha256: accounting,
    inputs: input.inputs,
    ...(input.onlyData ? { data_only: true } : {}),
  };
  state.commitMonth(month, stageFolder(path.join(outDir, month), files), files, newRecord, input.generatedAt);
  return { status: "written", revision, record: newRecord, note };
}
