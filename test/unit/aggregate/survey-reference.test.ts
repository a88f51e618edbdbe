/**
 * The kommun's survey figure beside riket/länet (issue 18, item 1): "tryggare än riket i genomsnitt"
 * only when |kommun − riket| > kommunens felmarginal + rikets felmarginal. Every case worked by hand.
 */
import { describe, expect, it } from "vitest";
import { surveyFigures } from "../../../src/aggregate/survey-figures.ts";
import { compareSurvey } from "../../../src/aggregate/survey-reference.ts";
import type { SurveyFigure } from "../../../src/model/indicators.ts";
import type { Config } from "../../../src/config/load-config.ts";
import type { SurveySourceData } from "../../../src/model/extra-records.ts";

const figure = (value: number, low: number | null, high: number | null, year = 2023): SurveyFigure => ({
  indicator: "problemindex_total", name: "Problemindex", year, value, n: 400, band: null, previous: null, change: null,
  ...(low !== null && high !== null ? { ci_low: low, ci_high: high } : {}),
});
const riket = (value: number, margin?: number, year = 2023) => ({ name: "riket", indicator: "problemindex_total", year, value, ...(margin !== undefined ? { margin } : {}) });

describe("the verdict against a reference", () => {
  it.each([
    // 1.42 ± 0.05 vs 1.62 ± 0.03: |−0.20| > 0.08 → lower index is safer.
    { kommun: figure(1.42, 1.37, 1.47), ref: riket(1.62, 0.03), better: "lower" as const, verdict: "tryggare", difference: -0.2 },
    // 1.80 ± 0.05 vs 1.62 ± 0.03: +0.18 > 0.08 → less safe.
    { kommun: figure(1.8, 1.75, 1.85), ref: riket(1.62, 0.03), better: "lower" as const, verdict: "otryggare", difference: 0.18 },
    // 1.57 ± 0.05 vs 1.62 ± 0.03: |−0.05| ≤ 0.08 → no difference can be shown.
    { kommun: figure(1.57, 1.52, 1.62), ref: riket(1.62, 0.03), better: "lower" as const, verdict: "ingen_saker_skillnad", difference: -0.05 },
    // Exactly at the sum (0.08 = 0.05 + 0.03) is not "larger than".
    { kommun: figure(1.54, 1.49, 1.59), ref: riket(1.62, 0.03), better: "lower" as const, verdict: "ingen_saker_skillnad", difference: -0.08 },
    // Without riket's margin, no verdict whatever the size of the difference.
    { kommun: figure(1.0, 0.95, 1.05), ref: riket(1.62), better: "lower" as const, verdict: "okand_osakerhet", difference: -0.62 },
    // Without the kommun's margin, likewise.
    { kommun: figure(1.0, null, null), ref: riket(1.62, 0.03), better: "lower" as const, verdict: "okand_osakerhet", difference: -0.62 },
    // A share who feel safe: higher is safer. 72 ± 3 vs 65 ± 1: +7 > 4.
    { kommun: { ...figure(72, 69, 75), indicator: "problemindex_total" }, ref: riket(65, 1), better: "higher" as const, verdict: "tryggare", difference: 7 },
  ])("$verdict: $kommun.value vs $ref.value", ({ kommun, ref, better, verdict, difference }) => {
    const [r] = compareSurvey(kommun, better, [ref], 2024);
    expect(r).toMatchObject({ name: "riket", verdict, difference });
  });

  it("takes the reference of the kommun's survey year, else the latest year by the report month's year", () => {
    const refs = [riket(1.5, 0.03, 2021), riket(1.6, 0.03, 2023), riket(1.7, 0.03, 2025)];
    expect(compareSurvey(figure(1.42, 1.37, 1.47, 2023), "lower", refs, 2026)[0]?.year).toBe(2023);
    expect(compareSurvey(figure(1.42, 1.37, 1.47, 2022), "lower", refs, 2024)[0]?.year).toBe(2023);
    // A reference published after the report month's year is not yet known.
    expect(compareSurvey(figure(1.42, 1.37, 1.47, 2022), "lower", refs, 2022)[0]?.year).toBe(2021);
  });
});

describe("survey figures with a reference and a published margin", () => {
  const source: SurveySourceData = {
    sourceId: "r", format: "survey-results", files: [], responses: [],
    results: [
      { year: 2023, published: "2023-12", area: "kommun", indicator: "problemindex_total", value: 1.42, n: 1200, margin: 0.05 },
      { year: 2023, published: "2023-12", area: "centrum", indicator: "problemindex_total", value: 2.1, n: 200, margin: 0.2 },
    ],
  };
  const config = {
    survey: {
      indicators: [{ id: "problemindex_total", name: "Problemindex", unit: "index_0_6" as const }],
      reference: [{ name: "riket", indicator: "problemindex_total", year: 2023, value: 1.62, margin: 0.03 }],
    },
  } as unknown as Config;

  it("the published ± is the figure's interval, and the kommun (only) is compared with riket", () => {
    const [k] = surveyFigures([source], "kommun", config, "2024-03");
    expect(k).toMatchObject({ value: 1.42, ci_low: 1.37, ci_high: 1.47 });
    expect(k?.reference).toEqual([{ name: "riket", year: 2023, value: 1.62, margin: 0.03, difference: -0.2, verdict: "tryggare" }]);
    const [c] = surveyFigures([source], "centrum", config, "2024-03");
    expect(c?.reference).toBeUndefined();
    expect(c).toMatchObject({ ci_low: 1.9, ci_high: 2.3 });
  });
});
