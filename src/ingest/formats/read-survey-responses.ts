/**
 * Reads one file of a survey source with `format: survey-responses` (spec/inputs.md "Survey"): one row
 * per respondent, one column per question, answers in the questionnaire's own words. Each configured
 * indicator with a `question` tallies, per (year, area), the answers that count (`yes`) among those not
 * excluded from the base (`exclude`), matched normalised. Rules after the structural ones:
 * `missing_field` → `bad_date` (year) → `duplicate_id` (a respondent twice in one year). An empty or
 * unknown area keeps the respondent in hela kommunen only (`okant`), as incident rows are kept.
 */
import type { Config } from "../../config/load-config.ts";
import { normaliseLabel } from "../../config/normalise-label.ts";
import { buildAreaResolver } from "../area-resolver.ts";
import type { SurveyResponseTally } from "../../model/extra-records.ts";
import type { QuarantineWriter } from "../quarantine.ts";
import { quote, readTableRows, type RowDecision, type TableFile } from "../text/read-table-rows.ts";
import type { RejectReason } from "../../model/reason-codes.ts";
import { headerKey } from "../text/parse-swedish-csv.ts";
import type { FileReport } from "../../model/records.ts";
import { eachFile } from "../each-file.ts";
import { sourceKeyPath, type SourceFormat } from "./source-format.ts";

type SurveySource = Extract<Config["sources"][number], { kind: "survey" }>;

export const SURVEY_RESPONSE_COLUMNS = ["respondent_id", "year", "area"] as const;
type Column = (typeof SURVEY_RESPONSE_COLUMNS)[number];
const YEAR = /^\d{4}$/;

/** Tallies per `${year}\t${area}\t${indicator}`, shared by a source's files. */
export class ResponseTallies {
  private readonly tallies = new Map<string, SurveyResponseTally>();
  /** `${year}\t${respondent}` seen, for duplicate_id. */
  readonly respondents = new Set<string>();

  add(year: number, area: string, indicator: string, counted: boolean): void {
    const key = `${year}\t${area}\t${indicator}`;
    let t = this.tallies.get(key);
    if (t === undefined) this.tallies.set(key, (t = { year, area, indicator, counted: 0, base: 0 }));
    t.base++;
    if (counted) t.counted++;
  }

  result(): SurveyResponseTally[] {
    const code = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...this.tallies.values()].sort((a, b) => a.year - b.year || code(a.area, b.area) || code(a.indicator, b.indicator));
  }
}

export interface ReadSurveyResponsesOptions {
  config: Config;
  source: SurveySource;
  file: TableFile;
  tallies: ResponseTallies;
  quarantine?: QuarantineWriter | null;
  /** Swedish warnings (a question column the file lacks). */
  warn: (message: string) => void;
}

export async function readSurveyResponses(opts: ReadSurveyResponsesOptions): Promise<FileReport> {
  const { config, source, file, tallies } = opts;
  const keyPath = sourceKeyPath(config, source);
  const areas = buildAreaResolver(config.areas, "keep");
  const questions = config.survey.indicators.flatMap(({ id, question, yes, exclude }) =>
    question === undefined
      ? []
      : [{ id, question, yes: new Set((yes ?? []).map(normaliseLabel)), exclude: new Set((exclude ?? []).map(normaliseLabel)), index: -1 }],
  );

  const decide = (row: { line: number; get(c: Column): string; cells: readonly string[] }): RowDecision => {
    const yearText = row.get("year");
    const reject = (reason: RejectReason, month: string | null, message: string): RowDecision => ({ outcome: "rejected", reason, month, message });
    for (const name of ["respondent_id", "year"] as const) {
      if (row.get(name) === "") return reject(`missing_field:${name}`, null, `Fältet ${name} är tomt: fyll i det i källan eller ta bort raden.`);
    }
    if (!YEAR.test(yearText)) return reject("bad_date", null, `Året ${quote(yearText)} kan inte tolkas: använd YYYY.`);
    // Respondent rows count as published in December of their year (spec/indicators.md).
    const month = `${yearText}-12`;
    const respondent = `${yearText}\t${row.get("respondent_id")}`;
    if (tallies.respondents.has(respondent)) {
      return reject("duplicate_id", month, "Samma svarande finns redan tidigare för samma år: den första raden gäller.");
    }
    tallies.respondents.add(respondent);
    const resolved = areas.resolve(row.get("area"));
    const area = typeof resolved === "string" ? resolved : "okant";
    for (const q of questions) {
      if (q.index < 0) continue;
      const answer = normaliseLabel(row.cells[q.index] ?? "");
      if (q.exclude.has(answer)) continue;
      tallies.add(Number(yearText), area, q.id, q.yes.has(answer));
    }
    return { outcome: "accepted", month };
  };

  return readTableRows<Column>({
    file,
    columns: SURVEY_RESPONSE_COLUMNS,
    required: ["respondent_id", "year"],
    rename: source.columns,
    keyPath,
    quarantine: opts.quarantine,
    onHeader: (keys) => {
      for (const q of questions) {
        q.index = keys.indexOf(headerKey(q.question));
        if (q.index < 0) opts.warn(`Källan ${source.id}: ${file.path} saknar frågan ${quote(q.question)} (${q.id}); den räknas inte för filen.`);
      }
    },
    decide,
  });
}

/** `kind: survey`, `format: survey-responses`: one row per respondent, tallied per year, area and indicator. */
export const surveyResponsesFormat: SourceFormat<SurveySource> = {
  reads: (source): source is SurveySource => source.kind === "survey" && source.format === "survey-responses",
  async ingest(run) {
    const { config, source, result } = run;
    const tallies = new ResponseTallies();
    const files = await eachFile(run, (file, quarantine) => readSurveyResponses({ config, source, file, tallies, quarantine, warn: (w) => result.warnings.push(w) }));
    (result.surveys ??= []).push({ sourceId: source.id, format: source.format, files, results: [], responses: tallies.result() });
  },
};
