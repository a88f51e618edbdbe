/**
 * `indicators.json`, schema `lagesbild.indicators/v1`, exactly as spec/outputs.md. Aggregation builds
 * this object (numbers already rounded as the spec says); suppression then hides values in a copy, and
 * every published file is rendered from that suppressed copy only, so no output can leak a hidden count.
 *
 * Key order matters (the file must diff cleanly month to month): objects are built in schema order and
 * `<key>_suppressed` flags are inserted right after their key by the suppression step.
 */
import { z } from "zod";

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
  verdict: VerdictSchema,
  /** Four significant digits; null with insufficient history. */
  p_value: num,
  p_value_suppressed: derivedFlag,
  p_value_below: z.literal(true).optional(),
  /** Benjamini–Hochberg q-value (the trend test fills it; optional until then). */
  q_value: num.optional(),
  q_value_suppressed: derivedFlag,
  q_value_below: z.literal(true).optional(),
  /** S / 3J, two decimals; null with insufficient history. */
  baseline_mean: num,
  baseline_mean_suppressed: derivedFlag,
  /** J, the years of the baseline B(J) (the trend test fills it; optional until then). */
  baseline_years: z.number().int().nullable().optional(),
});
export type Trend = z.infer<typeof TrendSchema>;

export const SeriesPointSchema = z.object({ month: z.string(), count, suppressed: flag });

export const IncidentEntrySchema = z.object({
  /** A category id, or `total`. */
  category: z.string(),
  name: z.string(),
  /** The category's group id; `total` has none. */
  group: z.string().nullable(),
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
  /** Every survey year published by the month, oldest first (for the chart; beyond spec/outputs.md's keys). */
  series: z.array(z.object({ year: z.number().int(), value: num })).optional(),
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
  covers: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
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
