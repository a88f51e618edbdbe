import { beforeAll, describe, expect, it } from "vitest";
import { chartSpecs } from "../../../src/render/chart-data.ts";
import type { ChartImage } from "../../../src/render/charts.ts";
import { renderReportHtml } from "../../../src/render/report-page.ts";
import { SAMPLE_CONFIG_YAML, sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

/** Charts without drawing (the page only needs their metadata): a 1-byte stand-in for the PNG. */
function fakeCharts(ind = sampleIndicators(), config = sampleConfig()): ChartImage[] {
  return chartSpecs(ind, config).map((s) => ({
    file: `charts/${s.name}.png`,
    png: Buffer.from([0]),
    alt: s.alt,
    caption: s.caption,
    title: s.title,
    placement: s.placement,
    table: s.table,
  }));
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe("renderReportHtml", () => {
  let page: string;
  beforeAll(() => {
    page = renderReportHtml(sampleIndicators(), { config: sampleConfig(), charts: fakeCharts(), notes: ["Källan brand täcker inte mars 2024."] });
  });

  it("is a Swedish single page with charset, viewport, title and the local stylesheet", () => {
    expect(page.startsWith("<!DOCTYPE html>\n<html lang=\"sv\">")).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<meta name="viewport"');
    expect(page).toContain("<title>Lägesbild för Exempelkommun – fiktiva siffror – mars 2024</title>");
    expect(page).toContain('<link rel="stylesheet" href="../assets/style.css">');
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
  });

  it("has a skip link to main, exactly one h1 and the sections as h2 in order", () => {
    expect(page).toMatch(/<a class="skip-link" href="#main">/);
    expect(page).toContain('<main id="main"');
    expect(count(page, /<h1[ >]/g)).toBe(1);
    const h2 = [...page.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
    // Key messages first: the summary before the table of contents (issue 16).
    expect(h2).toEqual(["Sammanfattning", "Innehåll", "Hela kommunen", "Per område", "Om statistiken"]);
  });

  it("links the open data, the run summary and the archive relatively", () => {
    for (const href of ["indicators.json", "indicators.csv", "run.json", "../index.html"]) {
      expect(page).toContain(`href="${href}"`);
    }
  });

  it("gives every chart an alt text, a caption and a table with caption and scoped headers", () => {
    const figures = page.split('<div class="chart-block">').slice(1);
    expect(figures).toHaveLength(5);
    for (const f of figures) {
      expect(f).toMatch(/<img src="charts\/[a-z0-9-]+\.png" alt="[^"]{20,}"/);
      expect(f).toContain("<figcaption>");
      expect(f).toMatch(/<table[^>]*>\s*<caption/);
      expect(f).toContain('<th scope="col">Månad</th>');
      expect(f).toContain('<th scope="row">');
    }
  });

  it("shows a suppressed count as 'färre än 3' and its trend as not reported", () => {
    const ljusne = page.slice(page.indexOf('id="omrade-ljusne"'), page.indexOf('id="omrade-okant"'));
    expect(ljusne).toContain('<td class="num">färre än 3</td>');
    expect(ljusne).toContain("redovisas inte (dolt antal)");
  });

  it("lists areas in indicator order with Okänt område last", () => {
    expect(page.indexOf('id="omrade-centrum"')).toBeLessThan(page.indexOf('id="omrade-ljusne"'));
    expect(page.indexOf('id="omrade-ljusne"')).toBeLessThan(page.indexOf('id="omrade-okant"'));
  });

  it("writes trends in words with a symbol", () => {
    expect(page).toContain('<span class="trend-symbol" aria-hidden="true">▲</span> ökning utöver normal variation');
    expect(page).toContain("▼</span> minskning utöver normal variation");
  });

  it("has the reference column for the kommun only", () => {
    expect(count(page, /Jämfört med referensdata: Riket 2023/g)).toBe(1);
    expect(page).toContain('<td class="num">1\u00a0650,2</td>');
  });

  it("accounts for the source rows and prints the notes", () => {
    expect(page).toContain("Källan täcker januari 2021–mars 2024.");
    expect(page).toContain('<td class="num">1\u00a0210</td><td class="num">1\u00a0195</td><td class="num">10</td><td class="num">5</td>');
    expect(page).toContain("okänd kategori: Vapenbrott: 2");
    expect(page).toContain("<li>Källan brand täcker inte mars 2024.</li>");
    expect(page).toContain("Skapad 2 april 2024.");
  });

  it("shows a <script> in a config or category label as text", () => {
    const evil = "<script>alert(1)</script>";
    const config = sampleConfig(SAMPLE_CONFIG_YAML.replace('title: "Lägesbild för Exempelkommun – fiktiva siffror"', `title: "${evil}"`).replace("name: Otrygghetsskapande händelser i offentlig miljö", `name: "${evil}"`));
    const ind = sampleIndicators({ skadegorelseName: evil });
    const html = renderReportHtml(ind, { config, charts: fakeCharts(ind, config), notes: [evil] });
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("gives every id once", () => {
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
