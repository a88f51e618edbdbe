/**
 * `<YYYY-MM>/revisions.json` (schema `lagesbild.revisions/v1`): the month's revision notes, oldest
 * first, kept across rebuilds. Written and read by publishing (src/publish/revisions-file.ts), shown by
 * the report (render), so the schema sits below both. It holds only the wording of published
 * (suppressed) figures, never a hidden count. The changes between two published versions
 * (aggregate/indicator-changes.ts) that render words as a note are typed here too.
 */
import { z } from "zod";
import type { Measure } from "../core/measure.ts";

export const RevisionNoteSchema = z.object({
  /** The revision this note introduced (2, 3, …). */
  revision: z.number().int().min(2),
  /** The run's `generated_at` when the revision was made. */
  generated_at: z.string(),
  /** What changed, in Swedish words, e.g. "Skadegörelse i Centrum: 19 → 20 i mars 2024". */
  changes: z.array(z.string()),
  /** How many further changes were left out of `changes` to keep the note readable. */
  more: z.number().int().nonnegative(),
});
export type RevisionNote = z.infer<typeof RevisionNoteSchema>;

export const RevisionsFileSchema = z.object({
  schema: z.literal("lagesbild.revisions/v1"),
  month: z.string(),
  revisions: z.array(RevisionNoteSchema),
});
export type RevisionsFile = z.infer<typeof RevisionsFileSchema>;

/** A published value: a count, hidden by suppression, or not available. */
export interface PublishedCount {
  count: number | null;
  /** Why it is hidden ("small", "protects"; `true` in a file published before the two kinds), or false. */
  hidden: boolean | "small" | "protects";
}

export type IndicatorChange =
  | {
      kind: "count";
      area: { id: string; name: string };
      /** `measure` is absent only for a file published before measures were recorded. */
      category: { id: string; name: string; measure?: Measure };
      month: string;
      from: PublishedCount;
      to: PublishedCount;
    }
  | { kind: "population"; area: { id: string; name: string }; from: number | null; to: number | null }
  /** Something else changed: names, the areas or categories shown, field, survey, promises or actions. */
  | { kind: "other" };
