/**
 * `indicators.json`, schema `lagesbild.indicators/v1`, exactly as spec/outputs.md. Aggregation builds
 * this object (numbers already rounded as the spec says); suppression then hides values in a copy, and
 * every published file is rendered from that suppressed copy only, so no output can leak a hidden count.
 *
 * Key order matters (the file must diff cleanly month to month): objects are built in schema order and
 * `<key>_suppressed` flags are inserted right after their key by the suppression step.
 */
import { z } from "zod";
import { MEASURES } from "../core/measure.ts";

const count = z.number().int().nonnegative().nullable();
const num = z.number().nullable();
/**
 * Why a value is hidden (spec/indicators.md "Suppression"): "small" (0 < v < k, shown "färre än k") or
 * "protects" (hidden so that another value cannot be worked out, shown "döljs"; it may be large).
 */
export const HiddenKindSchema = z.enum(["small", "protects"]);
export type HiddenKind = z.infer<typeof HiddenKindSchema>;
const flag = HiddenKindSchema.optional();
/** A derived figure is only ever hidden to protect its inputs. */
const derivedFlag = z.literal("protects").optional();

export const MonthFiguresSchema = z.object({
  count,
  count_suppressed: flag,
  previous_month: count,
  previous_month_suppressed: flag,
  same_month_last_year: count,
  same_month_last_year_suppressed: flag,
  change_abs: z.number().int().nullable(),
  change_abs_suppressed: derivedFlag,
  change_pct: num,
  change_pct_suppressed: derivedFlag,
  per_100k: num,
  per_100k_suppressed: derivedFlag,
});

export const YtdFiguresSchema = z.object({
  count,
  count_suppressed: flag,
  last_year: count,
  last_year_suppressed: flag,
  change_abs: z.number().int().nullable(),
  change_abs_suppressed: derivedFlag,
  change_pct: num,
  change_pct_suppressed: derivedFlag,
});

export const RollingFiguresSchema = z.object({
  count,
  count_suppressed: flag,
  previous: count,
  previous_suppressed: flag,
  change_abs: z.number().int().nullable(),
  change_abs_suppressed: derivedFlag,
  change_pct: num,
  change_pct_suppressed: derivedFlag,
  per_100k: num,
  per_100k_suppressed: derivedFlag,
});

export const VerdictSchema = z.enum(["increase", "decrease", "normal", "insufficient_history"]);
export type Verdict = z.infer<typeof VerdictSchema>;

export const TrendSchema = z.object({
  /** null for `okant`, which is not tested (spec: an unknown area is not a place to act on). */
  verdict: VerdictSchema.nullable(),
  /** Four significant digits, floored at 0.0001 (then `p_value_below`); null when not tested. */
  p_value: num,
  p_value_suppressed: derivedFlag,
  p_value_below: z.literal(true).optional(),
  /** Benjamini–Hochberg within the month's family (kommun, or the configured areas); same floor. */
  q_value: num,
  q_value_suppressed: derivedFlag,
  q_value_below: z.literal(true).optional(),
  /** S / 3J over the baseline months, two decimals; null with insufficient history. */
  baseline_mean: num,
  baseline_mean_suppressed: derivedFlag,
  /** J: how many earlier years the baseline spans (1–3); null with insufficient history. */
  baseline_years: z.number().int().nullable(),
});
export type Trend = z.infer<typeof TrendSchema>;

export const SeriesPointSchema = z.object({
  month: z.string(),
  count,
  suppressed: flag,
  /**
   * The counts that month t could have had and still be "inom normal variation" for its season (a single
   * test at 0.05 and the size rule); null without a baseline. Drawn as the charts' band.
   */
  normal_low: z.number().int().nullable().optional(),
  normal_high: z.number().int().nullable().optional(),
  /** The band is derived from baseline months; hidden when one of them is hidden. */
  normal_suppressed: derivedFlag,
});

export const IncidentEntrySchema = z.object({
  /** A category id, or a total: `total` (one measure) or `total:<measure>`. */
  category: z.string(),
  name: z.string(),
  /** The category's group id; `total` has none. */
  group: z.string().nullable(),
  /** What the counts are (spec/cli.md "Measures"): a total sums only the categories of its measure. */
  measure: z.enum(MEASURES),
  /** True when `month.count` is hidden by suppression. */
  suppressed: z.boolean(),
  month: MonthFiguresSchema,
  ytd: YtdFiguresSchema,
  rolling_12m: RollingFiguresSchema,
  trend: TrendSchema.nullable(),
  /** When `month.count` is hidden the trend is null, hidden for the same reason. */
  trend_suppressed: flag,
  /** N(t) for the 24 months m−23..m, oldest first. */
  series: z.array(SeriesPointSchema),
});
export type IncidentEntry = z.infer<typeof IncidentEntrySchema>;

export const FieldFiguresSchema = z.object({
  hours: z.number(),
  shifts: z.number().int(),
  observations: z.array(
    z.object({ type: z.string(), count: z.number().int(), per_10h: num, same_month_last_year_per_10h: num }),
  ),
  activities: z.array(z.object({ activity: z.string(), count: z.number().int() })),
});
export type FieldFigures = z.infer<typeof FieldFiguresSchema>;

/** Riket's or the län's result beside the kommun's (survey-reference.ts); only on the kommun's figures. */
export const SurveyReferenceSchema = z.object({
  name: z.string(),
  year: z.number().int(),
  value: z.number(),
  margin: z.number().nullable(),
  /** kommun − reference, in the indicator's unit. */
  difference: z.number(),
  /** `tryggare` / `otryggare` only when the difference is larger than both margins together. */
  verdict: z.enum(["tryggare", "otryggare", "ingen_saker_skillnad", "okand_osakerhet"]),
});
export type SurveyReference = z.infer<typeof SurveyReferenceSchema>;

export const SurveyFigureSchema = z.object({
  indicator: z.string(),
  name: z.string(),
  year: z.number().int(),
  value: num,
  n: z.number().int().nullable(),
  band: z.string().nullable(),
  previous: z.object({ year: z.number().int(), value: num }).nullable(),
  change: num,
  ci_low: num.optional(),
  ci_high: num.optional(),
  uncertain: z.boolean().optional(),
  suppressed: z.boolean().optional(),
  /** `"source"`: the source itself hid the figure (too few answers): shown "uppgift saknas (för få svar)". */
  value_suppressed: z.literal("source").optional(),
  /** Every survey year published by the month, oldest first (for the chart; beyond spec/outputs.md's keys). */
  series: z.array(z.object({ year: z.number().int(), value: num })).optional(),
  reference: z.array(SurveyReferenceSchema).optional(),
});
export type SurveyFigure = z.infer<typeof SurveyFigureSchema>;

export const AreaEntrySchema = z.object({
  /** `kommun`, an area id, or `okant`. */
  id: z.string(),
  name: z.string(),
  population: z.number().int().nullable(),
  incidents: z.array(IncidentEntrySchema),
  field: FieldFiguresSchema.optional(),
  survey: z.array(SurveyFigureSchema).optional(),
});
export type AreaEntry = z.infer<typeof AreaEntrySchema>;

export const SourceFileSummarySchema = z.object({
  path: z.string(),
  sha256: z.string(),
  rows_read: z.number().int(),
  rows_accepted: z.number().int(),
  rows_ignored: z.number().int(),
  rows_rejected: z.number().int(),
  ignored_by_reason: z.record(z.string(), z.number().int()),
  rejected_by_reason: z.record(z.string(), z.number().int()),
});

export const SourceSummarySchema = z.object({
  id: z.string(),
  kind: z.string(),
  /**
   * The effective coverage (aggregate/coverage.ts): first and last covered month, and, only when there
   * are any, the months in between that are not covered (`gaps`, oldest first), so a range with holes
   * is never read as complete, while a gapless range keeps the two-key form.
   */
  covers: z.object({ from: z.string().nullable(), to: z.string().nullable(), gaps: z.array(z.string()).optional() }),
  files: z.array(SourceFileSummarySchema),
});

export const PromiseFigureSchema = z.object({
  id: z.string(),
  text: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  target: z.number().int(),
  done: z.number().int(),
  expected_by_now: z.number(),
  status: z.enum(["uppfyllt", "i_fas", "efter_plan", "ej_uppfyllt", "ej_startat"]),
});
export type PromiseFigure = z.infer<typeof PromiseFigureSchema>;

export const ActionFigureSchema = z.object({
  id: z.string(),
  action: z.string(),
  responsible: z.string(),
  status: z.string(),
  since: z.string(),
  comment: z.string().nullable(),
});
export type ActionFigure = z.infer<typeof ActionFigureSchema>;

export const IndicatorsSchema = z.object({
  schema: z.literal("lagesbild.indicators/v1"),
  kommun: z.object({ code: z.string(), name: z.string() }),
  month: z.string(),
  generated_at: z.string(),
  revision: z.number().int().positive(),
  sources: z.array(SourceSummarySchema),
  areas: z.array(AreaEntrySchema),
  promises: z.array(PromiseFigureSchema),
  actions: z.array(ActionFigureSchema),
});
export type Indicators = z.infer<typeof IndicatorsSchema>;

/**
 * The part of a published `indicators.json` that the archive page and the feed read (render/archive-entry.ts),
 * cut from the schema above so it follows it, but open to files written by earlier versions: a month
 * published before `measure` existed still gets its archive line (shown without a measure).
 */
export const ArchiveSourceSchema = IndicatorsSchema.pick({ month: true, generated_at: true, revision: true }).extend({
  areas: z.array(
    AreaEntrySchema.pick({ id: true }).extend({
      incidents: z.array(
        IncidentEntrySchema.pick({ category: true, suppressed: true }).extend({
          measure: z.string().optional(),
          month: MonthFiguresSchema.pick({ count: true, change_pct: true }),
          trend: TrendSchema.pick({ verdict: true }).nullable(),
        }),
      ),
    }),
  ),
});
export type ArchiveSource = z.infer<typeof ArchiveSourceSchema>;
