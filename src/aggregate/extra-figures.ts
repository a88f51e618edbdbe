/**
 * The parts of indicators.json that come from the survey, field-report and actions sources, kept out
 * of build-indicators.ts so that file only places them. Where the config has no source of a kind, the
 * area key (`field`, `survey`) is left out altogether: "no source" is not "nothing happened". Where it
 * has one, every area entry gets the key (`survey` may be an empty list), except `okant`, which gets
 * `field` only when some field row had no known area, and never `survey`.
 */
import type { Config } from "../config/load-config.ts";
import type { ActionSourceData, PopulationSourceData, ReferenceSourceData, FieldSourceData, SurveySourceData } from "../model/extra-records.ts";
import { actionFigures } from "./action-status.ts";
import { fieldFigures, hasUnknownAreaRows } from "./field-figures.ts";
import type { ActionFigure, FieldFigures, Indicators, PromiseFigure, SurveyFigure } from "../model/indicators.ts";
import { sourceFileSummary } from "./source-file-summary.ts";
import { UNDATED } from "../model/records.ts";
import { promiseFigures } from "./promise-status.ts";
import { surveyFigures } from "./survey-figures.ts";

export interface ExtraInput {
  config: Config;
  month: string;
  surveys?: SurveySourceData[] | undefined;
  field?: FieldSourceData[] | undefined;
  actions?: ActionSourceData[] | undefined;
  population?: PopulationSourceData[] | undefined;
  reference?: ReferenceSourceData[] | undefined;
}

const hasKind = (config: Config, kind: string) => config.sources.some((s) => s.kind === kind);

/** `{ field?, survey? }` for one area entry, in the schema's key order. */
export function extraAreaFigures(input: ExtraInput, area: string): { field?: FieldFigures; survey?: SurveyFigure[] } {
  const out: { field?: FieldFigures; survey?: SurveyFigure[] } = {};
  const field = input.field ?? [];
  if (hasKind(input.config, "field-reports") && (area !== "okant" || hasUnknownAreaRows(field))) {
    out.field = fieldFigures(field, area, input.month);
  }
  if (hasKind(input.config, "survey") && area !== "okant") {
    out.survey = surveyFigures(input.surveys ?? [], area, input.config, input.month);
  }
  return out;
}

export function extraTopFigures(input: ExtraInput): { promises: PromiseFigure[]; actions: ActionFigure[] } {
  const days = (input.field ?? []).flatMap((s) => s.activityDays);
  const records = (input.actions ?? []).flatMap((s) => s.records);
  return { promises: promiseFigures(input.config, days, input.month), actions: actionFigures(records, input.month) };
}

/** indicators.json `sources` entries of the survey, field-report, actions and population sources, in config order. */
export function extraSourceSummaries(input: ExtraInput): Indicators["sources"] {
  const data = new Map([...(input.surveys ?? []), ...(input.field ?? []), ...(input.actions ?? []), ...(input.population ?? []), ...(input.reference ?? [])].map((s) => [s.sourceId, s.files]));
  return input.config.sources.flatMap((s) => {
    const files = data.get(s.id);
    if (s.kind === "incidents" || files === undefined) return [];
    // Covers: the first and last month with accepted rows (these kinds have no `covers` key).
    const months = files.flatMap((f) => Object.entries(f.by_month).filter(([m, t]) => m !== UNDATED && t.accepted > 0).map(([m]) => m)).sort();
    return [{
      id: s.id,
      kind: s.kind,
      covers: { from: months[0] ?? null, to: months.at(-1) ?? null },
      files: files.map(sourceFileSummary),
    }];
  });
}
