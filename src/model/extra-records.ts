/**
 * What the survey, field-report and actions readers hand to aggregation (spec/inputs.md "Survey",
 * "Field reports", "Actions"). Free text never enters these records except the action texts, which
 * are published by design and are scrubbed on the way in; field-report `notes` are not kept at all.
 *
 * Field reports are summed per (area, month) and per (activity, area, date) while reading, so memory
 * grows with areas × months and activity days, not with rows. Survey results and action rows are
 * small by nature (a few hundred published figures, a status log of a plan) and are kept as records.
 */
import { z } from "zod";
import { FileReportSchema } from "./records.ts";

const yearMonth = z.string().regex(/^\d{4}-\d{2}$/);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One published survey figure (`format: survey-results`). `area` is an area id or `kommun`. */
export const SurveyResultRecordSchema = z.object({
  year: z.number().int(),
  /** The first month the figure may be shown (default December of `year`). */
  published: yearMonth,
  area: z.string(),
  indicator: z.string(),
  /** Null: suppressed at the source (`..`, `XX`, `–`: too few answers), shown "uppgift saknas (för få svar)". */
  value: z.number().nullable(),
  n: z.number().int().nonnegative().nullable(),
  /** The published ± of the figure's 95 % interval, when the source gives one (`margin` column). */
  margin: z.number().nonnegative().optional(),
});
export type SurveyResultRecord = z.infer<typeof SurveyResultRecordSchema>;

/**
 * Counted respondents for one (year, area, indicator) of `format: survey-responses`: `counted`
 * answers among `base` non-excluded ones. `area` is an area id or `okant` (no or unknown area: in
 * hela kommunen only).
 */
export const SurveyResponseTallySchema = z.object({
  year: z.number().int(),
  area: z.string(),
  indicator: z.string(),
  counted: z.number().int().nonnegative(),
  base: z.number().int().nonnegative(),
});
export type SurveyResponseTally = z.infer<typeof SurveyResponseTallySchema>;

export const SurveySourceDataSchema = z.object({
  sourceId: z.string(),
  format: z.enum(["survey-results", "survey-responses"]),
  files: z.array(FileReportSchema),
  results: z.array(SurveyResultRecordSchema),
  responses: z.array(SurveyResponseTallySchema),
});
export type SurveySourceData = z.infer<typeof SurveySourceDataSchema>;

/** Field-report rows of one (area, month) summed. `area` is an area id or `okant`. */
export const FieldCellSchema = z.object({
  area: z.string(),
  month: yearMonth,
  /** Exact sum of the rows' hours (rounded only when written). */
  hours: z.number().nonnegative(),
  shifts: z.number().int().nonnegative(),
  /** Σ of each `obs_<type>` column, keyed by type. */
  observations: z.record(z.string(), z.number().int().nonnegative()),
  /** Rows per activity id. */
  activities: z.record(z.string(), z.number().int().nonnegative()),
});
export type FieldCell = z.infer<typeof FieldCellSchema>;

/** A day on which an activity took place in an area (what promise episodes are built from). */
export const ActivityDaySchema = z.object({ activity: z.string(), area: z.string(), date: isoDay });
export type ActivityDay = z.infer<typeof ActivityDaySchema>;

export const FieldSourceDataSchema = z.object({
  sourceId: z.string(),
  files: z.array(FileReportSchema),
  /** Every observation type named by an `obs_*` header of the source's files, sorted. */
  observationTypes: z.array(z.string()),
  /** Every activity id seen on an accepted row, sorted. */
  activityIds: z.array(z.string()),
  cells: z.array(FieldCellSchema),
  /** Distinct (activity, area, date), sorted. */
  activityDays: z.array(ActivityDaySchema),
});
export type FieldSourceData = z.infer<typeof FieldSourceDataSchema>;

/** One status row of an åtgärdsplan, texts already scrubbed; `order` is its position over the source's files. */
export const ActionRecordSchema = z.object({
  id: z.string(),
  action: z.string(),
  responsible: z.string(),
  date: isoDay,
  status: z.string(),
  comment: z.string().nullable(),
  order: z.number().int().nonnegative(),
});
export type ActionRecord = z.infer<typeof ActionRecordSchema>;

export const ActionSourceDataSchema = z.object({
  sourceId: z.string(),
  files: z.array(FileReportSchema),
  records: z.array(ActionRecordSchema),
});
export type ActionSourceData = z.infer<typeof ActionSourceDataSchema>;

/** One accepted population figure (`kind: population`): `area` is an area id or `kommun`. */
export const PopulationRecordSchema = z.object({
  area: z.string(),
  year: z.number().int(),
  population: z.number().int().positive(),
});
export type PopulationRecord = z.infer<typeof PopulationRecordSchema>;

export const PopulationSourceDataSchema = z.object({
  sourceId: z.string(),
  files: z.array(FileReportSchema),
  records: z.array(PopulationRecordSchema),
});
export type PopulationSourceData = z.infer<typeof PopulationSourceDataSchema>;

/**
 * One accepted reference rate (`kind: reference`): `region` is the config's `regions` entry it matched,
 * `period` is `YYYY`, `YYYY-Qn` or `YYYY-MM`, `end` the period's last month, `category` a category id or
 * `total`, `per_100k` the table's value (× 10 for a per-10 000 table).
 */
export const ReferenceRecordSchema = z.object({
  region: z.string(),
  period: z.string(),
  end: yearMonth,
  category: z.string(),
  per_100k: z.number().nonnegative(),
});
export type ReferenceRecord = z.infer<typeof ReferenceRecordSchema>;

export const ReferenceSourceDataSchema = z.object({
  sourceId: z.string(),
  files: z.array(FileReportSchema),
  records: z.array(ReferenceRecordSchema),
});
export type ReferenceSourceData = z.infer<typeof ReferenceSourceDataSchema>;
