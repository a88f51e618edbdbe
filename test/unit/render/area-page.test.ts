/**
 * One area's page (issue 20) from hand-made figures: its own field and survey figures and none of
 * another area's, the hidden words of the month page, and the month page's field and survey sections
 * reduced to the kommun when the areas have pages.
 */
import { describe, expect, it } from "vitest";
import type { Indicators } from "../../../src/model/indicators.ts";
import type { Config } from "../../../src/config/load-config.ts";
import { renderAreaPageHtml } from "../../../src/render/area-page.ts";
import { fieldSection } from "../../../src/render/section-field.ts";
import { surveySection } from "../../../src/render/section-survey.ts";
import type { ReportView } from "../../../src/render/section-types.ts";
import { sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

function view(): ReportView {
  const base = sampleConfig();
  const config: Config = {
    ...base,
    survey: { indicators: [{ id: "otrygg", name: "Känner sig otrygg", unit: "percent" as const, question: "q", yes: ["Ja"], exclude: [] }] },
  };
  const ind: Indicators = sampleIndicators();
  // Each area its own figures, so a figure on a page says whose it is.
  const figures: Record<string, { hours: number; count: number; per10h: number; value: number }> = {
    kommun: { hours: 20, count: 9, per10h: 4.5, value: 28 },
    centrum: { hours: 7.5, count: 3, per10h: 4, value: 31.5 },
    ljusne: { hours: 12.5, count: 6, per10h: 4.8, value: 22.5 },
  };
  ind.areas = ind.areas.map((a) => {
    const f = figures[a.id];
    if (!f) return a;
    return {
      ...a,
      field: { hours: f.hours, shifts: 2, observations: [{ type: "ungdomar_samlade", count: f.count, per_10h: f.per10h, same_month_last_year_per_10h: null }], activities: [] },
      survey: [{ indicator: "otrygg", name: "Känner sig otrygg", year: 2023, value: f.value, n: 120, band: null, previous: null, change: null }],
    };
  });
  return { config, charts: [], notes: [], ind, kommun: ind.areas.find((a) => a.id === "kommun") };
}

describe("an area's page", () => {
  const v = view();
  const centrum = v.ind.areas.find((a) => a.id === "centrum")!;
  const page = renderAreaPageHtml(v.ind, centrum, v, undefined);

  it("has its own field figures and survey row, and no other area's", () => {
    // Centrum: 7,5 hours over 2 shifts; 3 observations, 4,0 per 10 hours; 31,5 % feel unsafe.
    expect(page).toMatch(/<th scope="row">Centrum<\/th><td class="num">7,5<\/td><td class="num">2<\/td>/);
    expect(page).toContain("Observationer i Centrum, mars 2024");
    expect(page).toMatch(/Ungdomar som samlats<\/th><td class="num">3<\/td><td class="num">4,0<\/td>/);
    expect(page).toMatch(/<th scope="row">Centrum<\/th><td class="num">2023<\/td><td class="num">31,5\u00a0%/);
    expect(page).not.toContain("22,5");
    expect(page).not.toContain("28,0");
    expect(page).not.toContain("Ljusne");
    expect(page).not.toContain("<th scope=\"row\">Hela kommunen</th>");
  });

  it("is one document: one h1, the page's own title, links up to the month and the archive", () => {
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page).toContain("<title>Centrum – mars 2024 – ");
    expect(page).toContain('href="../index.html"');
    expect(page).toContain('href="../../index.html"');
    expect(page).toContain('href="../../assets/style.css"');
    // No base_url in the sample config: no canonical link (a relative one would name the copy read).
    expect(page).not.toContain('rel="canonical"');
  });

  it("shows a hidden count in the month page's words", () => {
    const ljusne = v.ind.areas.find((a) => a.id === "ljusne")!;
    const hidden = ljusne.incidents.find((e) => e.month.count === null && e.suppressed)!;
    const own = renderAreaPageHtml(v.ind, ljusne, v, undefined);
    const row = own.split("<tr").find((r) => r.includes(`<th scope="row">${hidden.name}</th>`))!;
    expect(row).toContain(`<td class="num">färre än ${v.config.suppression.min_count}</td>`);
  });
});

describe("the month page's field and survey sections with area pages", () => {
  it("show the kommun's rows and say where the areas' are", () => {
    const v = { ...view(), areaPages: true };
    const field = fieldSection.render(v)!.value;
    const survey = surveySection.render(v)!.value;
    for (const out of [field, survey]) {
      expect(out).toContain("<th scope=\"row\">Hela kommunen</th>");
      expect(out).not.toContain("<th scope=\"row\">Centrum</th>");
      expect(out).toContain("Siffrorna för varje område finns på områdets egen sida");
    }
    // Without area pages, every area's row as before.
    expect(fieldSection.render(view())!.value).toContain("<th scope=\"row\">Centrum</th>");
    expect(surveySection.render(view())!.value).toContain("<th scope=\"row\">Centrum</th>");
  });
});
