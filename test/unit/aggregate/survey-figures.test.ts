import { describe, expect, it } from "vitest";
import { bandFor, surveyFigure } from "../../../src/aggregate/survey-figures.ts";
import { wilson } from "../../../src/aggregate/wilson.ts";
import type { SurveySourceData } from "../../../src/model/extra-records.ts";

const problemindex = {
  id: "problemindex_total",
  name: "Problemindex (totalt)",
  unit: "index_0_6" as const,
  bands: [{ max: 2.0, label: "Låg" }, { max: 3.5, label: "Medel" }, { label: "Hög" }],
};
const otrygg = { id: "otrygg_kvall", name: "Känner sig otrygg ute sent en kväll", unit: "percent" as const, question: "q1" };

const results = (rows: SurveySourceData["results"]): SurveySourceData => ({ sourceId: "r", format: "survey-results", files: [], results: rows, responses: [] });
const responses = (rows: SurveySourceData["responses"]): SurveySourceData => ({ sourceId: "s", format: "survey-responses", files: [], results: [], responses: rows });

describe("published survey results", () => {
  const source = results([
    { year: 2022, published: "2022-12", area: "kommun", indicator: "problemindex_total", value: 1.71, n: 398 },
    { year: 2023, published: "2024-02", area: "kommun", indicator: "problemindex_total", value: 1.62, n: 412 },
    { year: 2023, published: "2024-02", area: "centrum", indicator: "problemindex_total", value: 2.4, n: 88 },
  ]);

  it("shows the latest year published by the month, the previous year and the change", () => {
    // 1.62 − 1.71 = −0.09; 1.62 ≤ 2.0 → "Låg".
    expect(surveyFigure([source], "kommun", problemindex, "2024-03")).toEqual({
      indicator: "problemindex_total", name: "Problemindex (totalt)", year: 2023, value: 1.62, n: 412, band: "Låg",
      previous: { year: 2022, value: 1.71 }, change: -0.09,
      series: [{ year: 2022, value: 1.71 }, { year: 2023, value: 1.62 }],
    });
  });

  it("does not show a result before its published month", () => {
    const f = surveyFigure([source], "kommun", problemindex, "2024-01");
    expect(f?.year).toBe(2022);
    expect(f?.previous).toBeNull();
    expect(f?.change).toBeNull();
  });

  it("gives null when nothing is published for the area yet", () => {
    expect(surveyFigure([source], "norrby", problemindex, "2024-03")).toBeNull();
  });

  it("takes the first band whose max is at least the value, and the open band above", () => {
    expect(bandFor(problemindex.bands, 2.0)).toBe("Låg");
    expect(bandFor(problemindex.bands, 2.01)).toBe("Medel");
    expect(bandFor(problemindex.bands, 4.2)).toBe("Hög");
    expect(bandFor(undefined, 4.2)).toBeNull();
  });
});

describe("shares computed from respondent rows", () => {
  it("is 100 · counted / not excluded with a Wilson 95 % interval (worked by hand)", () => {
    // 12 of 40: p = 0.3, z² = 3.841459, centre = (0.3 + 0.0480182) / 1.0960365 = 0.3175279,
    // half = 1.959964 · √(0.00525 + 0.00060023) / 1.0960365 = 0.1367761 → 18.07 … 45.43 %.
    const f = surveyFigure([responses([
      { year: 2024, area: "centrum", indicator: "otrygg_kvall", counted: 7, base: 25 },
      { year: 2024, area: "norrby", indicator: "otrygg_kvall", counted: 5, base: 15 },
    ])], "kommun", otrygg, "2024-12");
    expect(f).toMatchObject({ year: 2024, value: 30, n: 40, ci_low: 18.1, ci_high: 45.4, previous: null, change: null });
    expect(f?.uncertain).toBeUndefined();
  });

  it("counts respondent years as published in December", () => {
    const src = responses([{ year: 2024, area: "centrum", indicator: "otrygg_kvall", counted: 7, base: 40 }]);
    expect(surveyFigure([src], "centrum", otrygg, "2024-11")).toBeNull();
    expect(surveyFigure([src], "centrum", otrygg, "2024-12")?.year).toBe(2024);
  });

  it("marks 10 ≤ n < 30 as uncertain", () => {
    // 7 of 25 = 28 %.
    const f = surveyFigure([responses([{ year: 2024, area: "centrum", indicator: "otrygg_kvall", counted: 7, base: 25 }])], "centrum", otrygg, "2025-01");
    expect(f).toMatchObject({ value: 28, n: 25, uncertain: true });
    expect(f?.suppressed).toBeUndefined();
  });

  it("hides the share (and its interval and band) when n < 10", () => {
    const f = surveyFigure([responses([{ year: 2024, area: "hamnen", indicator: "otrygg_kvall", counted: 3, base: 9 }])], "hamnen", otrygg, "2025-01");
    expect(f).toMatchObject({ value: null, n: 9, band: null, ci_low: null, ci_high: null, uncertain: true, suppressed: true });
  });

  it("rounds the share to two decimals from the exact ratio", () => {
    // 1/3 = 33.333… %.
    const f = surveyFigure([responses([{ year: 2024, area: "x", indicator: "otrygg_kvall", counted: 20, base: 60 }])], "x", otrygg, "2025-01");
    expect(f?.value).toBe(33.33);
  });

  it("computes the change between survey years from the exact shares", () => {
    // 2023: 10/40 = 25 %; 2024: 12/40 = 30 % → +5.
    const f = surveyFigure([responses([
      { year: 2023, area: "c", indicator: "otrygg_kvall", counted: 10, base: 40 },
      { year: 2024, area: "c", indicator: "otrygg_kvall", counted: 12, base: 40 },
    ])], "c", otrygg, "2025-01");
    expect(f).toMatchObject({ year: 2024, value: 30, previous: { year: 2023, value: 25 }, change: 5 });
  });
});

describe("wilson", () => {
  it("matches the interval worked by hand for 5 of 20", () => {
    // p = 0.25: centre = (0.25 + 0.0960365) / 1.1920730 = 0.2902853, half = 0.1784239.
    const ci = wilson(5, 20);
    expect(ci.low).toBeCloseTo(0.111862, 5);
    expect(ci.high).toBeCloseTo(0.468701, 5);
  });
});
