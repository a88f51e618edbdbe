/**
 * Survey figures with their units (issue 16 item 5), against values worked out by hand: a share in per
 * cent and its change in percentage points, the problem index on its 0–6 scale, the previous survey with
 * its unit, and a change on few answers marked in the table and the chart. The Hamnen case is the sample
 * kommun's: 4 of 22 answered "otrygg" in 2025 (18,18 %) against 50,00 % in 2024, a change of −31,82
 * percentage points resting on 22 < 30 answers.
 */
import { describe, expect, it } from "vitest";
import type { Indicators, SurveyFigure } from "../../../src/model/indicators.ts";
import type { Config } from "../../../src/config/load-config.ts";
import { surveySection } from "../../../src/render/section-survey.ts";
import type { ReportView } from "../../../src/render/section-types.ts";
import { surveyChartConfiguration, surveyChartSpecs, surveyPhonePanels } from "../../../src/render/survey-chart.ts";
import { previousText, restsOnFewAnswers, surveyChangeText, surveyValueText } from "../../../src/render/survey-units.ts";
import { sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

const NB = "\u00a0";

describe("survey units", () => {
  it.each([
    [27.09, "percent", `27,1${NB}%`],
    [18.18, "percent", `18,2${NB}%`],
    [1.62, "index_0_6", `1,62${NB}av 6`],
  ] as const)("writes %d (%s) as %s", (value, unit, text) => {
    expect(surveyValueText(value, unit)).toBe(text);
  });

  it.each([
    // 27,09 − 21,75 = 5,34 percentage points, not 5,34 %.
    [5.34, "percent", "+5,3 procentenheter"],
    [-31.82, "percent", "\u221231,8 procentenheter"],
    [-0.22, "index_0_6", "\u22120,22 indexenheter"],
  ] as const)("writes the change %d (%s) as %s", (change, unit, text) => {
    expect(surveyChangeText(change, unit)).toBe(text);
  });

  it("gives the previous survey its unit: 2024: 21,8 % (21,75 rounded half away from zero)", () => {
    expect(previousText({ year: 2024, value: 21.75 }, "percent")).toBe(`2024: 21,8${NB}%`);
    expect(previousText({ year: 2024, value: 1.84 }, "index_0_6")).toBe(`2024: 1,84${NB}av 6`);
    expect(previousText(null, "percent")).toBe("ingen tidigare mätning");
  });

  it("marks only a computed share on few answers, never a hidden one", () => {
    expect(restsOnFewAnswers({ uncertain: true, value: 18.18 })).toBe(true);
    expect(restsOnFewAnswers({ uncertain: undefined, value: 2.51 })).toBe(false);
    expect(restsOnFewAnswers({ uncertain: true, value: null })).toBe(false);
  });
});

const OTRYGG = { id: "otrygg", name: "Känner sig otrygg", unit: "percent" as const, question: "q", yes: ["Ja"], exclude: [] };

/** Hela kommunen 27,09 % on 491 answers; Ljusne 18,18 % on 22 (uncertain), 50,00 % the year before. */
function view(): ReportView {
  const config: Config = { ...sampleConfig(), survey: { indicators: [OTRYGG] } };
  const ind: Indicators = sampleIndicators();
  const figure = (value: number, previous: number, n: number, uncertain: boolean, series: Array<{ year: number; value: number }>): SurveyFigure => ({
    indicator: "otrygg", name: "Känner sig otrygg", year: 2025, value, n, band: "Medel",
    previous: { year: 2024, value: previous }, change: Math.round((value - previous) * 100) / 100,
    ci_low: 1, ci_high: 2, ...(uncertain ? { uncertain: true } : {}), series,
  });
  ind.areas = ind.areas.map((a) =>
    a.id === "kommun"
      ? { ...a, survey: [figure(27.09, 21.75, 491, false, [{ year: 2024, value: 21.75 }, { year: 2025, value: 27.09 }])] }
      : a.id === "ljusne"
        ? { ...a, survey: [figure(18.18, 50, 22, true, [{ year: 2024, value: 50 }, { year: 2025, value: 18.18 }])] }
        : a,
  );
  return { config, charts: [], notes: [], ind, kommun: ind.areas.find((a) => a.id === "kommun") };
}

/** The survey table's row of an area, cell texts with markup removed. */
function rowOf(out: string, area: string): string[] {
  const row = new RegExp(`<tr><th scope="row">${area}</th>(.*?)</tr>`).exec(out)![1]!;
  return [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<br>/g, " | ").replace(/<[^>]+>/g, ""));
}

describe("the survey table", () => {
  it("names the units in the headings", () => {
    const out = surveySection.render(view())!.toString();
    expect(out).toContain('<th scope="col">Värde (andel, %)</th>');
    expect(out).toContain('<th scope="col">Förändring (procentenheter)</th>');
  });

  it("shows hela kommunen's share, previous survey and change each with its unit", () => {
    const [year, value, , previous, change] = rowOf(surveySection.render(view())!.toString(), "Hela kommunen");
    expect([year, value!.split(" | ")[0], previous, change]).toEqual(["2025", `27,1${NB}%`, `2024: 21,8${NB}%`, "+5,3 procentenheter"]);
  });

  it("marks Ljusne's change on 22 answers 'osäker: få svar' and explains it under the table", () => {
    const out = surveySection.render(view())!.toString();
    const change = rowOf(out, "Ljusne")[4];
    expect(change).toBe("\u221231,8 procentenheter | ◌ osäker: få svar");
    expect(rowOf(out, "Hela kommunen")[4]).not.toContain("osäker");
    expect(out).toContain("”Osäker: få svar” vid en förändring betyder att den senaste mätningen bygger på färre än 30 svar");
  });
});

describe("the survey chart", () => {
  const spec = surveyChartSpecs(view().ind, view().config)[0]!;

  it("draws Ljusne's 2025 point, on 22 answers, large and hollow, and says so in the legend", () => {
    const cfg = surveyChartConfiguration(spec, "percent");
    const ljusne = cfg.data.datasets.find((d) => d.label === "Ljusne")!;
    // Years 2024, 2025: only the latest point of the uncertain area is marked.
    expect([ljusne.backgroundColor, ljusne.pointRadius]).toEqual([[ljusne.borderColor, "#ffffff"], [5, 9]]);
    const kommun = cfg.data.datasets.find((d) => d.label === "Hela kommunen")!;
    expect(kommun.pointRadius).toEqual([5, 5]);
    expect(cfg.plugins?.map((p) => p.id)).toEqual(["fewAnswersLabels"]);
  });

  it("says the unit and the few answers in the alt text, and explains the hollow point in the caption", () => {
    expect(spec.alt).toContain(`Hela kommunen 2025: 27,1${NB}%, Ljusne 2025: 18,2${NB}% (osäker: få svar)`);
    expect(spec.caption).toContain("En stor ofylld punkt märkt ”få svar” bygger på färre än 30 svar");
  });

  it("cuts the phone variant into panels of hela kommunen and at most three areas", () => {
    const lines = ["Hela kommunen", "A", "B", "C", "D"].map((label, i) => ({ ...spec.lines[0]!, label, kommun: i === 0 }));
    const panels = surveyPhonePanels({ ...spec, lines });
    expect(panels.map((p) => p.lines.map((l) => l.label))).toEqual([
      ["Hela kommunen", "A", "B", "C"],
      ["Hela kommunen", "D"],
    ]);
  });
});
