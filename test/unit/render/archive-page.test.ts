import { describe, expect, it } from "vitest";
import { renderArchiveHtml } from "../../../src/render/archive-page.ts";
import { SAMPLE_CONFIG_YAML, sampleConfig } from "../../helpers/sample-indicators.ts";

const entries = [
  { month: "2024-02", headlines: [{ measure: "brott" as const, total: 30, change_pct: -2.4, verdict: "normal" }] },
  {
    month: "2024-03",
    headlines: [
      { measure: "brott" as const, total: 1234, change_pct: 26.7, verdict: "increase" },
      { measure: "handelser" as const, total: 56, change_pct: -3.4, verdict: "normal" },
    ],
  },
  { month: "2024-01", headlines: [{ measure: "brott" as const, total: null, change_pct: null, verdict: null, suppressed: true }] },
];

describe("renderArchiveHtml", () => {
  const page = renderArchiveHtml(entries, sampleConfig());

  it("lists every month newest first, each linking to its report", () => {
    const links = [...page.matchAll(/<a href="(\d{4}-\d{2})\/index\.html">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ["2024-03", "Mars 2024"],
      ["2024-02", "Februari 2024"],
      ["2024-01", "Januari 2024"],
    ]);
  });

  it("shows each month's headline: total, change and trend in words", () => {
    expect(page).toContain('<td class="num">1\u00a0234</td>');
    expect(page).toContain('<td class="num">+26,7\u00a0%</td>');
    expect(page).toContain("▲</span> ökning utöver normal variation");
    expect(page).toContain('<td class="num">\u22122,4\u00a0%</td>');
    expect(page).toContain('<td class="num">redovisas inte</td>');
  });

  it("gives each measure its own row under its month, named, never a sum of the two", () => {
    const march = page.slice(page.indexOf('href="2024-03/index.html"'), page.indexOf('href="2024-02/index.html"'));
    expect(page).toContain('<th scope="rowgroup" rowspan="2"><a href="2024-03/index.html">Mars 2024</a></th>');
    expect(march).toContain("<td>Polisanmälda brott</td>");
    expect(march).toContain("<td>Rapporterade händelser</td>");
    expect(march).toContain('<td class="num">56</td>');
    // 1 234 + 56 = 1 290 appears nowhere.
    expect(page).not.toMatch(/1\u00a0?290/);
    expect(page).not.toContain("anmälda händelser");
  });

  it("follows the report's accessibility rules: lang, one h1, skip link, table caption and scopes", () => {
    expect(page).toContain('<html lang="sv">');
    expect((page.match(/<h1[ >]/g) ?? []).length).toBe(1);
    expect(page).toContain('href="#main"');
    expect(page).toContain('<link rel="stylesheet" href="assets/style.css">');
    expect(page).toMatch(/<caption id="arkiv-rubrik">/);
    expect(page).toContain('<th scope="col">Månad</th>');
  });

  it("escapes the config's title", () => {
    const config = sampleConfig(SAMPLE_CONFIG_YAML.replace('title: "Lägesbild för Exempelkommun – fiktiva siffror"', 'title: "<script>x</script>"'));
    expect(renderArchiveHtml(entries, config)).not.toContain("<script");
  });

  it("says so when nothing is published yet", () => {
    expect(renderArchiveHtml([], sampleConfig())).toContain("Inga månader är publicerade ännu.");
  });
});
