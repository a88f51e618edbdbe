/**
 * The kommun's latest survey figure beside riket's or the län's (issue 18, item 1, the survey half):
 * Sundsvall's residents "känner sig i regel tryggare än i riket i genomsnitt" is said only when the
 * difference is larger than the uncertainty of both figures — |kommun − riket| > kommunens felmarginal +
 * rikets felmarginal, each the half-width of its 95 % interval: then the two intervals do not overlap.
 * When either margin is unknown, the figures are shown side by side and no conclusion is drawn.
 * Pure: no I/O.
 */
import type { SurveyFigure, SurveyReference } from "../model/indicators.ts";
import { roundDecimal } from "./round.ts";

export interface SurveyReferenceInput {
  name: string;
  indicator: string;
  year: number;
  value: number;
  margin?: number | undefined;
}

/** The kommun figure's margin: half its interval (published ± or the Wilson interval of a computed share). */
export function figureMargin(f: Pick<SurveyFigure, "ci_low" | "ci_high">): number | null {
  return f.ci_low != null && f.ci_high != null ? (f.ci_high - f.ci_low) / 2 : null;
}

/**
 * For each reference region: its result of the same year as the kommun's, else its latest year before
 * the report month's year ends; with the verdict of the rule above.
 * @example compareSurvey({ value: 1.42, ci_low: 1.37, ci_high: 1.47, … }, "lower", [{ name: "Riket", value: 1.62, margin: 0.03, … }], 2024)
 *   // [{ name: "Riket", …, verdict: "tryggare" }]  (|−0,20| > 0,05 + 0,03)
 */
export function compareSurvey(figure: SurveyFigure, better: "lower" | "higher", refs: ReadonlyArray<SurveyReferenceInput>, reportYear: number): SurveyReference[] {
  if (figure.value === null) return [];
  const names = [...new Set(refs.filter((r) => r.indicator === figure.indicator).map((r) => r.name))];
  const out: SurveyReference[] = [];
  for (const name of names) {
    const mine = refs.filter((r) => r.indicator === figure.indicator && r.name === name && r.year <= reportYear);
    const ref = mine.find((r) => r.year === figure.year) ?? [...mine].sort((a, b) => b.year - a.year)[0];
    if (ref === undefined) continue;
    const own = figureMargin(figure);
    const diff = figure.value - ref.value;
    let verdict: SurveyReference["verdict"];
    if (own === null || ref.margin === undefined) verdict = "okand_osakerhet";
    // Compared at 6 decimals: 1,54 − 1,62 is −0,08000000000000007 in binary, and a difference equal
    // to the margins' sum is not "larger than" them.
    else if (roundDecimal(Math.abs(diff), 6) <= roundDecimal(own + ref.margin, 6)) verdict = "ingen_saker_skillnad";
    else verdict = (diff < 0) === (better === "lower") ? "tryggare" : "otryggare";
    out.push({ name, year: ref.year, value: ref.value, margin: ref.margin ?? null, difference: roundDecimal(diff, 2), verdict });
  }
  return out;
}
