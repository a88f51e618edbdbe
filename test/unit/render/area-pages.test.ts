/**
 * Issue 20: the `output.area_pages` setting (when areas get pages of their own), its errors with the YAML
 * line and column, and `indicators.json`'s compact layout (the same JSON, leaves on one line).
 */
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/load-config.ts";
import { LagesbildError } from "../../../src/core/errors.ts";
import { publishedConfigHash } from "../../../src/publish/config-hash.ts";
import { isLagesbildFile } from "../../../src/publish/known-files.ts";
import { areaPagesEnabled, DEFAULT_AREA_PAGES_ABOVE } from "../../../src/render/area-pages.ts";
import { stringifyJson, stringifyJsonCompactLeaves } from "../../../src/core/write-json.ts";
import type { Indicators } from "../../../src/model/indicators.ts";
import { summarySection } from "../../../src/render/section-summary.ts";
import { summarySentences } from "../../../src/render/summary-text.ts";
import { sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

function config(areas: number, output = ""): string {
  return `kommun: { name: Testby, code: "0001" }
${output ? `output:\n${output}\n` : ""}areas:
${Array.from({ length: areas }, (_, i) => `  - { id: o${i + 1}, name: Område ${i + 1} }`).join("\n")}
categories:
  - { id: stold, name: Stöld, group: egendom }
sources:
  - { id: polis, kind: incidents, measure: brott, path: ../data/*.csv, categories: { Stöld: stold } }
`;
}

const parse = (text: string) => parseConfig(text, "config/lagesbild.yaml");

function errorOf(text: string): string {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof LagesbildError) return e.message;
    throw e;
  }
  throw new Error("the config was accepted");
}

describe("output.area_pages", () => {
  it("defaults to pages above eight areas", () => {
    expect(DEFAULT_AREA_PAGES_ABOVE).toBe(8);
    expect(areaPagesEnabled(parse(config(8)))).toBe(false);
    expect(areaPagesEnabled(parse(config(9)))).toBe(true);
  });

  it("takes a number of areas, true or false", () => {
    expect(areaPagesEnabled(parse(config(3, "  area_pages: 2")))).toBe(true);
    expect(areaPagesEnabled(parse(config(3, "  area_pages: 3")))).toBe(false);
    expect(areaPagesEnabled(parse(config(2, "  area_pages: true")))).toBe(true);
    expect(areaPagesEnabled(parse(config(20, "  area_pages: false")))).toBe(false);
  });

  it("rejects anything else, and a misspelt key, at its line and column", () => {
    // Line 3 is "  area_pages: ja"; the value starts in column 15.
    expect(errorOf(config(3, "  area_pages: ja"))).toContain("config/lagesbild.yaml:3:15: output.area_pages: förväntade true, false eller ett antal områden");
    expect(errorOf(config(3, "  area_pages: -1"))).toContain("output.area_pages");
    expect(errorOf(config(3, "  area_page: 4"))).toMatch(/config\/lagesbild\.yaml:3:3: output\.area_page: okänd nyckel/);
  });

  it("leaves the config hash of a config without it as it was (no month is rebuilt for the new key)", () => {
    const before = publishedConfigHash(parse(config(3)));
    expect(publishedConfigHash(parse(config(3, "  title: Lägesbild")))).not.toBe(before);
    // Setting it is a published change: the month's pages change.
    expect(publishedConfigHash(parse(config(3, "  area_pages: 2")))).not.toBe(before);
    expect(publishedConfigHash(parse(config(3)))).toBe(before);
  });
});

describe("the files of an area page", () => {
  it.each([
    ["2024-03/omrade/centrum.html", true],
    ["2024-03/omrade/okant.html", true],
    ["2024-03/omrade/charts/omrade-centrum.png", true],
    ["2024-03/omrade/centrum.json", false],
    ["2024-03/omrade/../index.html", false],
    ["2024-03/omrade/Centrum.html", false],
    ["2024-03/omrade/sub/centrum.html", false],
  ])("%s is a lagesbild file: %s", (rel, expected) => {
    expect(isLagesbildFile(rel)).toBe(expected);
  });
});

describe("indicators.json's compact layout", () => {
  const value = {
    schema: "lagesbild.indicators/v1",
    areas: [
      {
        id: "kommun",
        population: null,
        incidents: [
          {
            category: "stold",
            month: { count: 19, per_100k: 73.7, change_pct: null },
            trend: { verdict: "normal", p_value: 0.0000375 },
            series: [
              { month: "2024-02", count: 9 },
              { month: "2024-03", count: null, count_suppressed: "small" },
            ],
          },
        ],
        survey: [],
      },
    ],
  };

  it("writes each leaf on one line and everything else as stringifyJson does", () => {
    expect(stringifyJsonCompactLeaves(value)).toBe(`{
  "schema": "lagesbild.indicators/v1",
  "areas": [
    {
      "id": "kommun",
      "population": null,
      "incidents": [
        {
          "category": "stold",
          "month": {"count":19,"per_100k":73.7,"change_pct":null},
          "trend": {"verdict":"normal","p_value":0.0000375},
          "series": [{"month":"2024-02","count":9},{"month":"2024-03","count":null,"count_suppressed":"small"}]
        }
      ],
      "survey": []
    }
  ]
}
`);
  });

  it("parses back to the same value as the indented file, with no number in exponent form", () => {
    const compact = stringifyJsonCompactLeaves(value);
    expect(JSON.parse(compact)).toEqual(JSON.parse(stringifyJson(value)));
    expect(compact).not.toMatch(/\de[+-]/);
    expect(stringifyJsonCompactLeaves({ a: [1e-7, 2.5e21] })).toBe('{\n  "a": [0.0000001,2500000000000000000000]\n}\n');
  });
});

describe("the month summary with area pages", () => {
  /** The sample with every visible, tested category entry an increase: more changes than the summary tells one by one. */
  function manyChanges(): Indicators {
    const ind = structuredClone(sampleIndicators());
    for (const area of ind.areas) {
      for (const e of area.incidents) {
        if (e.category === "total" || e.trend === null || e.month.count === null || e.trend.verdict === null) continue;
        e.trend = { ...e.trend, verdict: "increase", p_value: 0.001, q_value: 0.002 };
      }
    }
    return ind;
  }

  it("links each area a sentence names to its page, and the kommun to its section", () => {
    const ind = manyChanges();
    const config = sampleConfig();
    const body = summarySection.render({ ind, config, charts: [], notes: [], kommun: ind.areas.find((a) => a.id === "kommun"), areaPages: true })!.value;
    const hrefs = [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    const areaIds = new Set(ind.areas.map((a) => a.id).filter((id) => id !== "kommun"));
    for (const href of hrefs) expect(href === "#hela-kommunen" || areaIds.has(/^omrade\/(.+)\.html$/.exec(href ?? "")?.[1] ?? ""), href).toBe(true);
    // The sentences read as without links, but the last change sentence names the areas instead of "tables below".
    const text = body.replace(/<[^>]+>/g, "").split("\n").filter((l) => l.trim() !== "");
    const plain = summarySentences(ind);
    expect(text.length).toBe(plain.length);
    const more = plain.findIndex((s) => s.startsWith("Ytterligare"));
    expect(more).toBeGreaterThan(0);
    text.forEach((t, i) => (i === more ? expect(t).toMatch(/^Ytterligare .* finns i .+\.$/) : expect(t).toBe(plain[i])));
  });

  it("is the plain summary without area pages", () => {
    const ind = manyChanges();
    const body = summarySection.render({ ind, config: sampleConfig(), charts: [], notes: [], kommun: undefined })!.value;
    expect(body).not.toContain("href=");
    expect(body.replace(/<[^>]+>/g, "").split("\n").filter((l) => l.trim() !== "")).toEqual(summarySentences(ind));
  });
});
