/**
 * `<YYYY-MM>/revisions.json` (schema `lagesbild.revisions/v1`): the month's revision notes, oldest
 * first, kept across rebuilds. Written and read by publishing (src/output/revisions-file.ts), shown by
 * the report (render), so the schema sits below both. It holds only the wording of published
 * (suppressed) figures, never a hidden count.
 */
import { z } from "zod";

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
