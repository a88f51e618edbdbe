/**
 * How a survey figure reads with its unit (issue 16 item 5): a share in per cent ("27,1 %"), its change
 * in percentage points ("+5,3 procentenheter": a share going from 21,8 % to 27,1 % has not grown by
 * 5,3 %), and the police's problem index on its 0–6 scale ("1,62 av 6", change "−0,22 indexenheter").
 * Used by the survey table and chart, and by any page that shows one area's survey figures.
 */
import type { SurveyFigure } from "../model/indicators.ts";
import { formatNumber, formatSignedNumber, NBSP } from "./format-sv.ts";
import { SURVEY } from "./wording.ts";

export type SurveyUnit = "percent" | "index_0_6";

/** Decimals shown: one for a share in per cent, two for an index (spec: survey values to two decimals). */
export const surveyDecimals = (unit: SurveyUnit): number => (unit === "percent" ? 1 : 2);

/** "27,1 %" or "1,62 av 6". */
export function surveyValueText(value: number, unit: SurveyUnit): string {
  const n = formatNumber(value, surveyDecimals(unit));
  return unit === "percent" ? `${n}${NBSP}%` : `${n}${NBSP}${SURVEY.indexOf}`;
}

/** "+5,3 procentenheter" or "−0,22 indexenheter"; a space, not a no-break one, so the word may wrap. */
export function surveyChangeText(change: number, unit: SurveyUnit): string {
  return `${formatSignedNumber(change, surveyDecimals(unit))} ${unit === "percent" ? SURVEY.percentPoints : SURVEY.indexPoints}`;
}

/** "2024: 21,8 %", "2024: uppgift saknas" or "ingen tidigare mätning". */
export function previousText(previous: SurveyFigure["previous"], unit: SurveyUnit): string {
  if (previous === null) return SURVEY.noPrevious;
  return `${previous.year}: ${previous.value === null ? SURVEY.noValue : surveyValueText(previous.value, unit)}`;
}

/**
 * Whether the latest figure rests on few answers: the spec's `uncertain` (a computed share on fewer than
 * 30 answers). A published result carries no such flag (spec/indicators.md: the rule is for computed
 * shares only), and the previous year's number of answers is not published, so only the latest year
 * can be marked.
 */
export function restsOnFewAnswers(f: Pick<SurveyFigure, "uncertain" | "value">): boolean {
  return f.uncertain === true && f.value !== null;
}
