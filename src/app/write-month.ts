/**
 * Publishes one month's suppressed indicators, or skips it: the publishing side decides whether the
 * month is unchanged and which revision it gets (publish: month-write.ts), the changes since the
 * published figures become a revision note, render turns the month into files, and the publishing side
 * swaps them in. `--only data` renders the data files alone and carries the folder's other files over.
 */
import { indicatorChanges } from "../aggregate/indicator-changes.ts";
import type { MonthRecord } from "../publish/manifest.ts";
import type { MonthFile } from "../publish/manifest-state.ts";
import { commitMonthWrite, type MonthWriteQuestion, mustWrite, planMonthWrite } from "../publish/month-write.ts";
import { otherMonthFiles } from "../publish/published-month.ts";
import type { RevisionNote } from "../model/revisions.ts";
import type { MonthNote } from "../model/month-notes.ts";
import { REVISIONS_FILE } from "../publish/revisions-file.ts";
import { renderDataFiles } from "../render/data-files.ts";
import type { MonthRender, RenderSetup } from "../render/render-month.ts";
import { revisionNote } from "../render/revision-notes.ts";

/** What publishing needs to decide (month, figures, config, the manifest state…), and what rendering needs. */
export interface WriteMonthInput extends MonthWriteQuestion, Omit<RenderSetup, "config"> {
  /** The month's notes for the report, as data (worded by render/coverage-text.ts). */
  notes: MonthNote[];
  /** The analysts' commentary for the month (Markdown), or null when there is none. */
  commentary?: string | null;
  inputs: MonthRecord["inputs"];
  generatedAt: string;
}

export type WriteMonthResult =
  | { status: "skipped"; revision: number }
  | { status: "written"; revision: number; record: MonthRecord; note: RevisionNote | null };

export async function writeMonth(input: WriteMonthInput): Promise<WriteMonthResult> {
  const { month, config, outDir } = input;
  // A month written whatever its figures' hash says (a new month, --force) starts its rendering first:
  // the area charts' workers draw while this thread hashes the figures and works out the revision
  // (issue 20: at 312 areas the hash alone was a third of a second of an idle worker).
  const early = !input.onlyData && mustWrite(input) ? await startRender(input) : null;
  try {
    const plan = planMonthWrite(input);
    if (plan.status === "skipped") return plan; // never after an early start (mustWrite)
    const note =
      plan.changedFrom !== null ? revisionNote(indicatorChanges(plan.changedFrom, input.published), plan.revision, input.generatedAt, config.suppression.min_count) : null;
    const revisions = [...plan.earlierRevisions, ...(note ? [note] : [])];
    let files: MonthFile[];
    if (input.onlyData) {
      const data = renderDataFiles({ ...input.published, revision: plan.revision }, input.runJson);
      // The folder's other files (an earlier full build) are carried over; revisions.json is written anew.
      const written = new Set([...data.map((f) => f.path), REVISIONS_FILE]);
      files = [...data, ...otherMonthFiles(outDir, month, written, (rel) => input.state.fileEntry(rel))];
    } else {
      const render = early ?? (await startRender(input));
      files = await render.files({ revision: plan.revision, notes: input.notes, runJson: input.runJson, revisions, commentary: input.commentary ?? null });
    }
    const record = commitMonthWrite(plan, files, revisions, { month, outDir, state: input.state, generatedAt: input.generatedAt, version: input.version, inputs: input.inputs, onlyData: input.onlyData });
    return { status: "written", revision: plan.revision, record, note };
  } catch (error) {
    await early?.close();
    throw error;
  }
}

/** The month's rendering, started (render-month.ts). Loaded only here: the renderer pulls in chart.js and canvas, which `--only data` never needs (issue 7). */
async function startRender(input: WriteMonthInput): Promise<MonthRender> {
  const { startMonthRender } = await import("../render/render-month.ts");
  return startMonthRender(input.published, input);
}
