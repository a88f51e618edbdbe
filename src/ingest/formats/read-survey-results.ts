/**
 * Reads one file of a survey source with `format: survey-results` (spec/inputs.md "Survey"): published
 * figures, one row per (year, area, indicator). A value suppressed at the source (`..`, `XX`, `–`, `x`,
 * `-`, empty) is ignored as `suppressed_at_source`, after the row's other rules, and kept as a figure
 * without a value. Rules after the structural ones: `missing_field` →
 * `bad_date` (year, published) → `bad_number` (value, n) → `unknown_indicator` → `unknown_area`
 * (an area that is given but unknown cannot be put anywhere: a published figure for an unknown place
 * is not a kommun figure) → `duplicate_id` (the same year, area and indicator twice in the source).
 * Published indices are taken as given, never recomputed.
 */
import type { Config } from "../../config/load-config.ts";
import { normaliseLabel } from "../../config/normalise-label.ts";
import { buildAreaResolver } from "../area-resolver.ts";
import type { SurveyResultRecord } from "../../model/extra-records.ts";
import { parseNonNegativeInteger, parseNumber } from "../../core/parse-number.ts";
import type { QuarantineWriter } from "../quarantine.ts";
import { quote, readTableRows, reasonLabel, type RowDecision, type TableFile } from "../text/read-table-rows.ts";
import type { RejectReason } from "../../model/reason-codes.ts";
import type { FileReport } from "../../model/records.ts";
import { eachFile } from "../each-file.ts";
import { sourceKeyPath, type SourceFormat } from "./source-format.ts";

type SurveySource = Extract<Config["sources"][number], { kind: "survey" }>;

export const SURVEY_RESULT_COLUMNS = ["year", "published", "area", "indicator", "value", "n", "margin"] as const;
type Column = (typeof SURVEY_RESULT_COLUMNS)[number];
const YEAR = /^\d{4}$/;
/** How sources mark a figure they suppressed (too few answers); an empty value cell too. */
const SUPPRESSED_AT_SOURCE = new Set(["", "..", "...", "x", "X", "xx", "XX", "-", "–", "—"]);
const PUBLISHED = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The top of each unit's scale (parseNumber never gives a negative). */
const UNIT_MAX = { index_0_6: 6, percent: 100 } as const;

export interface ReadSurveyResultsOptions {
  config: Config;
  source: SurveySource;
  file: TableFile;
  /** Receives accepted figures; also the record of keys seen, for `duplicate_id` across the source's files. */
  results: SurveyResultRecord[];
  quarantine?: QuarantineWriter | null;
}

export async function readSurveyResults(opts: ReadSurveyResultsOptions): Promise<FileReport> {
  const { config, source, file, results } = opts;
  const keyPath = sourceKeyPath(config, source);
  const indicators = new Map(config.survey.indicators.map((i) => [normaliseLabel(i.id), i]));
  const areas = buildAreaResolver(config.areas, "reject");
  const seen = new Set(results.map((r) => `${r.year}\t${r.area}\t${r.indicator}`));

  const decide = (row: { get(c: Column): string }): RowDecision => {
    const yearText = row.get("year");
    const publishedText = row.get("published");
    const reject = (reason: RejectReason, month: string | null, message: string): RowDecision => ({ outcome: "rejected", reason, month, message });
    for (const name of ["year", "indicator"] as const) {
      if (row.get(name) === "") return reject(`missing_field:${name}`, null, `Fältet ${name} är tomt: fyll i det i källan eller ta bort raden.`);
    }
    if (!YEAR.test(yearText)) return reject("bad_date", null, `Året ${quote(yearText)} kan inte tolkas: använd YYYY.`);
    if (publishedText !== "" && !PUBLISHED.test(publishedText)) {
      return reject("bad_date", null, `Publiceringsmånaden ${quote(publishedText)} kan inte tolkas: använd YYYY-MM.`);
    }
    const published = publishedText === "" ? `${yearText}-12` : publishedText;
    const valueText = row.get("value");
    // Brå's NTU, Kolada and survey vendors hide a figure with too few answers ("..", "XX", "–"): the
    // source says it is unavailable, not that it is wrong, so the row is not rejected (issue 13).
    const suppressed = SUPPRESSED_AT_SOURCE.has(valueText);
    const value = suppressed ? null : parseNumber(valueText);
    if (!suppressed && value === null) return reject("bad_number:value", published, `Värdet ${quote(valueText)} är inte ett tal (decimalkomma går bra).`);
    const nText = row.get("n");
    const n = nText === "" ? null : parseNonNegativeInteger(nText);
    if (nText !== "" && n === null) return reject("bad_number:n", published, `Antalet svarande ${quote(nText)} är inte ett heltal ≥ 0.`);
    // The published ± of the figure's 95 % interval (felmarginal), for the comparison with riket.
    const marginText = row.get("margin");
    const margin = marginText === "" ? null : parseNumber(marginText);
    if (marginText !== "" && margin === null) return reject("bad_number:margin", published, `Felmarginalen ${quote(marginText)} är inte ett tal (decimalkomma går bra).`);
    const indicatorText = row.get("indicator");
    const indicator = indicators.get(normaliseLabel(indicatorText));
    if (indicator === undefined) {
      return reject(`unknown_indicator:${reasonLabel(indicatorText)}`, published, `Okänd indikator ${quote(indicatorText)}: lägg till den under survey.indicators.`);
    }
    if (value !== null && value > UNIT_MAX[indicator.unit]) {
      return reject("bad_number:value", published, `Värdet ${quote(valueText)} ligger utanför skalan för ${indicator.id} (0–${UNIT_MAX[indicator.unit]}).`);
    }
    const areaText = row.get("area");
    let area = "kommun";
    if (areaText !== "") {
      const resolved = areas.resolve(areaText);
      if (typeof resolved !== "string") {
        return reject(resolved.reject, published, `Okänt område ${quote(areaText)}: lägg till namnet som alias under areas.`);
      }
      area = resolved;
    }
    const key = `${yearText}\t${area}\t${indicator.id}`;
    if (seen.has(key)) {
      return reject("duplicate_id", published, `${indicator.id} för ${area} år ${yearText} finns redan tidigare i källan: den första raden gäller.`);
    }
    seen.add(key);
    results.push({ year: Number(yearText), published, area, indicator: indicator.id, value, n, ...(margin !== null ? { margin } : {}) });
    // Counted as ignored with its own reason, yet kept as a figure: the year is shown "uppgift saknas
    // (för få svar)" rather than an older year passing for the latest.
    if (value === null) return { outcome: "ignored", reason: "suppressed_at_source", month: published };
    return { outcome: "accepted", month: published };
  };

  return readTableRows<Column>({
    file, columns: SURVEY_RESULT_COLUMNS, required: ["year", "indicator", "value"], rename: source.columns, keyPath, quarantine: opts.quarantine, decide,
  });
}

/** `kind: survey`, `format: survey-results`: the survey's published results, one figure a row. */
export const surveyResultsFormat: SourceFormat<SurveySource> = {
  reads: (source): source is SurveySource => source.kind === "survey" && source.format === "survey-results",
  async ingest(run) {
    const { config, source } = run;
    const results: SurveyResultRecord[] = [];
    const files = await eachFile(run, (file, quarantine) => readSurveyResults({ config, source, file, results, quarantine }));
    (run.result.surveys ??= []).push({ sourceId: source.id, format: source.format, files, results, responses: [] });
  },
};
