/** Sections 4–6 of the report from hand-made figures: words a resident reads, never colour alone. */
import { describe, expect, it } from "vitest";
import type { Indicators } from "../../../src/model/indicators.ts";
import type { Config } from "../../../src/config/load-config.ts";
import { fieldSection } from "../../../src/render/section-field.ts";
import { promisesSection } from "../../../src/render/section-promises.ts";
import { surveySection } from "../../../src/render/section-survey.ts";
import type { ReportView } from "../../../src/render/section-types.ts";
import { sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

function view(): ReportView {
  const base = sampleConfig();
  const config: Config = {
    ...base,
    survey: { indicators: [{ id: "otrygg", name: "Känner sig otrygg", unit: "percent" as const, question: "q", yes: ["Ja"], exclude: [] }] },
    sources: [...base.sources, { id: "plan", kind: "actions" as const, path: "x" }],
  };
  const ind: Indicators = sampleIndicators();
  const field = {
    hours: 12.5, shifts: 3,
    observations: [{ type: "ungdomar_samlade", count: 5, per_10h: 4, same_month_last_year_per_10h: 2.5 }],
    activities: [{ activity: "trygghetsvandring", count: 1 }],
  };
  ind.areas = ind.areas.map((a) => a.id === "okant" ? a : {
    ...a,
    field,
    survey: [{ indicator: "otrygg", name: "Känner sig otrygg", year: 2023, value: 28, n: 25, band: "Medel", previous: null, change: null, ci_low: 14.3, ci_high: 47.6, uncertain: true }],
  });
  ind.promises = [{ id: "v", text: "Två trygghetsvandringar", period: { from: "2024-01", to: "2024-12" }, target: 2, done: 1, expected_by_now: 0.5, status: "i_fas" }];
  ind.actions = [{ id: "k", action: "Kamera på torget", responsible: "polis", status: "genomford", since: "2024-03-05", comment: "Klar <b>nu</b>" }];
  return { config, charts: [], notes: [], ind, kommun: ind.areas.find((a) => a.id === "kommun") };
}

describe("section 4, Fältrapporter", () => {
  it("shows each observation per 10 hours in the field beside its count, and says why", () => {
    const out = fieldSection.render(view())!.toString();
    expect(out).toContain("per 10 timmar i fält – det är det senare som går att jämföra");
    expect(out).toMatch(/Ungdomar som samlats<\/th><td class="num">5<\/td><td class="num">4,0<\/td><td class="num">2,5<\/td>/);
    expect(out).toContain("Trygghetsvandring: 1");
  });
});

describe("section 5, Trygghetsmätning", () => {
  it("gives the survey year, the band and 'osäker skattning' for a small base", () => {
    const out = surveySection.render(view())!.toString();
    expect(out).toMatch(/<td class="num">2023<\/td><td class="num">28,0\u00a0%/);
    expect(out).toContain("troligen mellan 14,3 och 47,6\u00a0%");
    expect(out).toContain("osäker skattning");
    expect(out).toContain("<td>Medel</td>");
  });

  it.each([
    { verdict: "tryggare" as const, text: "är tryggare än riket i genomsnitt: Känner sig otrygg 28,0 (2023) mot 40,0 för riket (2023); skillnaden är större än felmarginalen" },
    { verdict: "ingen_saker_skillnad" as const, text: "Känner sig otrygg 28,0 (2023) mot 40,0 för riket (2023): skillnaden är inte större än felmarginalen" },
    { verdict: "okand_osakerhet" as const, text: "felmarginalen är inte känd för båda mätningarna" },
  ])("beside riket: $verdict says only what the margins allow", ({ verdict, text }) => {
    const v = view();
    v.ind.areas = v.ind.areas.map((a) => (a.id === "kommun" && a.survey ? { ...a, survey: a.survey.map((f) => ({ ...f, reference: [{ name: "riket", year: 2023, value: 40, margin: 1, difference: -12, verdict }] })) } : a));
    const out = surveySection.render(v)!.toString();
    expect(out).toContain(text);
    // "tryggare" is said only for the verdict that allows it.
    expect(out.includes("är tryggare än riket i genomsnitt")).toBe(verdict === "tryggare");
    expect(out).not.toContain("är otryggare än riket");
  });

  it("says the year in the heading when the latest result is more than two survey years old", () => {
    // Report month 2024-03 (SAMPLE_MONTH): 2023 and 2022 are at most two years old, 2021 is three.
    const at = (year: number) => {
      const v = view();
      v.ind.areas = v.ind.areas.map((a) => (a.survey ? { ...a, survey: a.survey.map((f) => ({ ...f, year })) } : a));
      return surveySection.render(v)!.toString();
    };
    expect(at(2022)).toContain("<h3>Känner sig otrygg</h3>");
    expect(at(2021)).toContain("<h3>Känner sig otrygg – senaste mätningen: 2021</h3>");
  });

  it("shows a figure suppressed at the source as 'uppgift saknas (för få svar)'", () => {
    const v = view();
    v.ind.areas = v.ind.areas.map((a) =>
      a.survey ? { ...a, survey: [{ indicator: "otrygg", name: "Känner sig otrygg", year: 2023, value: null, n: null, band: null, previous: { year: 2021, value: 31 }, change: null, value_suppressed: "source" as const }] } : a,
    );
    const out = surveySection.render(v)!.toString();
    expect(out).toContain("<td>uppgift saknas (för få svar)</td>");
    expect(out).toContain("2021: 31,0");
  });
});

describe("section 6, Medborgarlöften och åtgärder", () => {
  it("shows a promise's progress as a bar with a text equivalent and its status in words", () => {
    const out = promisesSection.render(view())!.toString();
    expect(out).toContain('<progress max="2" value="1" aria-label="Genomfört 1 av 2"></progress> <span class="progress-text">1 av 2</span>');
    expect(out).toContain("i fas</span>");
  });

  it("shows each action's responsible, status in words and since when, escaped, with a count per status", () => {
    const out = promisesSection.render(view())!.toString();
    expect(out).toContain("<td>Polisen</td>");
    expect(out).toContain("genomförd</td><td>5 mars 2024</td><td>Klar &lt;b&gt;nu&lt;/b&gt;</td>");
    expect(out).toContain("Planen har 1 åtgärd: 1 genomförd.");
  });
});
