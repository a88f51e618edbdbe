/**
 * The publishing side of one month (spec/outputs.md "skip rule" and revisions), before and after the
 * month is rendered (app/write-month.ts renders between the two):
 * - `planMonthWrite`: skipped, files untouched, when the hash of its canonical published indicators,
 *   the hash of the config's published parts (config-hash.ts) and the program version all equal the
 *   manifest's record (and the folder is there, built in the same mode), unless `force`; otherwise the
 *   revision it gets, and the published figures it replaces when they differ (for the revision note);
 * - `commitMonthWrite`: the rendered files and the `revisions.json` sidecar swapped in atomically, and
 *   the manifest's record.
 * The revision is counted from the published folder, not from the manifest, so a manifest rebuilt after
 * a crash can never count a revision twice.
 */
import path from "node:path";
import type { Config } from "../config/load-config.ts";
import type { Indicators } from "../model/indicators.ts";
import { stringifyJson } from "../core/write-json.ts";
import { publishedConfigHash } from "./config-hash.ts";
import type { MonthRecord } from "./manifest.ts";
import { sha256Hex } from "../core/sha256-hex.ts";
import type { ManifestState, MonthFile } from "./manifest-state.ts";
import { publishedIndicatorsHash, readPublishedMonth, readRevisionNotes } from "./published-month.ts";
import type { RevisionNote, RevisionsFile } from "../model/revisions.ts";
import { REVISIONS_FILE } from "./revisions-file.ts";
import { stageFolder } from "./write-atomic.ts";

export interface MonthWriteQuestion {
  month: string;
  config: Config;
  /** The month's published (suppressed) indicators; `revision` is decided here. */
  published: Indicators;
  /**
   * Whether an input that is neither a figure nor the config changed since the month was last built,
   * judged against the record's `inputs` (e.g. the commentary file): such a change rebuilds the month.
   */
  inputsChanged?: (previousInputs: MonthRecord["inputs"]) => boolean;
  runJson: unknown;
  version: string;
  outDir: string;
  state: ManifestState;
  force: boolean;
  onlyData: boolean;
}

export type MonthWritePlan =
  | { status: "skipped"; revision: number }
  | {
      status: "write";
      revision: number;
      /** The published figures this build replaces, when they differ from the new ones (the revision note's "before"). */
      changedFrom: Indicators | null;
      /** The month's revision notes so far (the sidecar keeps them across rebuilds). */
      earlierRevisions: RevisionNote[];
      indicatorsHash: string;
      accountingHash: string;
      configHash: string;
    };

/**
 * sha256 of what a month publishes besides its figures: the files' hashes and row accounting in
 * `indicators.json` `sources` and in `run.json` (its `generated_at` left out, which changes every run).
 * The figures' hash leaves `sources` out on purpose (spec/outputs.md: a revision is a change of
 * figures), so without this an appended bad row left the old row counts and sha256 published.
 */
export function accountingHash(published: Pick<Indicators, "sources">, runJson: unknown): string {
  const run = runJson !== null && typeof runJson === "object" ? Object.fromEntries(Object.entries(runJson).filter(([k]) => k !== "generated_at")) : runJson;
  return sha256Hex(stringifyJson({ sources: published.sources, run }));
}

/**
 * Whether the month is written whatever its figures are: `force`, or no record of a published folder
 * to compare them with (a new month). Then nothing planMonthWrite works out can skip it, and rendering
 * may start before it (app/write-month.ts).
 */
export function mustWrite(q: Pick<MonthWriteQuestion, "month" | "state" | "force">): boolean {
  // The folder's indicators.json is there and is the one the record was written with: the state
  // matches the files on disk (checked at start-up), so its revision is the record's and the file
  // need not be read (issue 7: a skipped month costs no read).
  return q.force || q.state.record(q.month) === undefined || q.state.fileSha256(`${q.month}/indicators.json`) === undefined;
}

/** Whether the month is skipped, and otherwise its revision and what it replaces. */
export function planMonthWrite(q: MonthWriteQuestion): MonthWritePlan {
  const { month, state } = q;
  const indicatorsHash = publishedIndicatorsHash(q.published);
  const accounting = accountingHash(q.published, q.runJson);
  const configHash = publishedConfigHash(q.config);
  const record = state.record(month);
  if (
    !mustWrite(q) &&
    record &&
    record.indicators_sha256 === indicatorsHash &&
    record.config_sha256 === configHash &&
    record.accounting_sha256 === accounting &&
    record.version === q.version &&
    (record.data_only ?? false) === q.onlyData &&
    !(q.inputsChanged?.(record.inputs) ?? false)
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
  const before = sameAsKnown ? null : readPublishedMonth(q.outDir, month);

  const previousRevision = known?.revision ?? before?.indicators.revision;
  const changed = known !== undefined ? !sameAsKnown : before !== null && publishedIndicatorsHash(before.indicators) !== indicatorsHash;
  return {
    status: "write",
    revision: previousRevision === undefined ? 1 : previousRevision + (changed ? 1 : 0),
    changedFrom: changed && before !== null ? before.indicators : null,
    earlierRevisions: sameAsKnown ? readRevisionNotes(q.outDir, month) : (before?.revisions ?? []),
    indicatorsHash,
    accountingHash: accounting,
    configHash,
  };
}

/**
 * Swaps in the month's rendered `files` with its `revisions.json` (when it has notes) and records it in
 * the manifest state; returns the record.
 */
export function commitMonthWrite(
  plan: Extract<MonthWritePlan, { status: "write" }>,
  files: MonthFile[],
  revisions: RevisionNote[],
  w: { month: string; outDir: string; state: ManifestState; generatedAt: string; version: string; inputs: MonthRecord["inputs"]; onlyData: boolean },
): MonthRecord {
  if (revisions.length > 0) {
    const sidecar: RevisionsFile = { schema: "lagesbild.revisions/v1", month: w.month, revisions };
    files.push({ path: REVISIONS_FILE, content: stringifyJson(sidecar) });
  }
  const record: MonthRecord = {
    revision: plan.revision,
    generated_at: w.generatedAt,
    version: w.version,
    config_sha256: plan.configHash,
    indicators_sha256: plan.indicatorsHash,
    accounting_sha256: plan.accountingHash,
    inputs: w.inputs,
    ...(w.onlyData ? { data_only: true } : {}),
  };
  w.state.commitMonth(w.month, stageFolder(path.join(w.outDir, w.month), files), files, record, w.generatedAt);
  return record;
}
