/**
 * Every source format lagesbild reads, one line each (spec/inputs.md): ingest-sources.ts hands a
 * source to the first format that reads it. Adding a format: its reader file, with its `SourceFormat`
 * at the end, and one line here (and its `format` value in the config schema).
 */
import type { SourceConfig } from "../../config/schema.ts";
import { csvFormat } from "./csv.ts";
import { actionsFormat } from "./read-actions.ts";
import { aggregatedCsvFormat } from "./read-aggregated-csv.ts";
import { fieldReportsFormat } from "./read-field-reports.ts";
import { polisenEventsFormat } from "./read-polisen-events.ts";
import { populationFormat } from "./read-population.ts";
import { referenceFormat } from "./read-reference.ts";
import { surveyResponsesFormat } from "./read-survey-responses.ts";
import { surveyResultsFormat } from "./read-survey-results.ts";
import type { SourceFormat } from "./source-format.ts";

export const SOURCE_FORMATS: ReadonlyArray<SourceFormat> = [
  csvFormat,
  polisenEventsFormat,
  aggregatedCsvFormat,
  surveyResultsFormat,
  surveyResponsesFormat,
  fieldReportsFormat,
  actionsFormat,
  populationFormat,
  referenceFormat,
];

/** The format that reads `source`; every kind and format the config schema accepts has one. */
export function formatOf(source: SourceConfig): SourceFormat | undefined {
  return SOURCE_FORMATS.find((f) => f.reads(source));
}
