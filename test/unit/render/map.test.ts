/**
 * The maps of section 3 from the hand-made indicators (test/helpers/sample-indicators.ts) on the
 * hand-made squares (test/fixtures/geo/squares.ts: centrum west, ljusne east). The maps show the rate
 * per 100 000 over the last 12 months, as the tables do (issue 16). Expected figures are worked out by
 * hand from the fixture's series (months 13–24 of each):
 * - centrum skadegörelse 11 · 7 + 19 = 96; 96 / 4 200 · 100 000 = 2 285,7
 * - ljusne skadegörelse 11 · 12 + 4 = 136; 136 / 2 400 · 100 000 = 5 666,7
 * - centrum misshandel 11 · 4 + 5 = 49; 49 / 4 200 · 100 000 = 1 166,7
 * - ljusne misshandel, its 12-month sum hidden as small (`hideLjusneMisshandel`): ten months 0, one 3,
 *   one "färre än 3" (1–2) → 4–5; 4 / 2 400 · 100 000 = 166,7 and 5 / 2 400 · 100 000 = 208,3.
 * The brott maps share one scale over {166,7; 208,3; 1 166,7; 2 285,7; 5 666,7} (a range by both ends):
 * four classes, limits between sorted values 1|2, 3|4 and 4|5 (round(k · 5 / 4) = 1, 3, 4), each the
 * roundest number between its neighbours: 200, 2 000, 5 000.
 */
import { readFileSync } from "node:fs";
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { parseAreaMap } from "../../../src/geo/load-areas-geojson.ts";
import { areaMaps } from "../../../src/render/area-maps.ts";
import { contrastRatio } from "../../../src/render/chart-palette.ts";
import { groupMaps } from "../../../src/render/map-data.ts";
import { BOUNDARY, classLimits, LABEL_TEXT, roundLimit, SEQUENTIAL, valueScale } from "../../../src/render/map-scale.ts";
import type { Indicators } from "../../../src/model/indicators.ts";
import type { ReportView } from "../../../src/render/section-types.ts";
import { feature, square, SWEREF_CRS } from "../../fixtures/geo/squares.ts";
import { sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

const GEOJSON = {
  type: "FeatureCollection",
  crs: SWEREF_CRS,
  features: [
    feature("centrum", { type: "Polygon", coordinates: [square(0, 0, 1000, 1000), square(200, 200, 400, 400).reverse()] }),
    feature("ljusne", { type: "Polygon", coordinates: [square(1000, 0, 2000, 1000)] }),
  ],
};

/** Ljusne's misshandel: its 12-month sum hidden as "small", as suppression would publish it. */
function hideLjusneMisshandel(ind: Indicators): Indicators {
  const e = ind.areas.find((a) => a.id === "ljusne")!.incidents.find((i) => i.category === "misshandel")!;
  e.rolling_12m = { ...e.rolling_12m, count: null, count_suppressed: "small" };
  return ind;
}

function render(): string {
  const config = sampleConfig();
  const areaMap = parseAreaMap(config, JSON.stringify(GEOJSON), "data/omraden.geojson", "0".repeat(64));
  const ind = hideLjusneMisshandel(sampleIndicators());
  const view: ReportView = { config: { ...config, areaMap }, charts: [], notes: [], ind, kommun: ind.areas[0] } as ReportView;
  return areaMaps(view)!.value;
}

const maps = (markup: string) => [...markup.matchAll(/<svg class="map" [\s\S]*?<\/svg>/g)].map((m) => m[0]);
const mapById = (markup: string, id: string) => maps(markup).find((m) => m.includes(`id="${id}-titel"`))!;
const fillOf = (svg: string, area: string) => new RegExp(`<use href="#karta-omrade-${area}" fill="([^"]+)"`).exec(svg)?.[1];

describe("map colours", () => {
  it.each(SEQUENTIAL.flat())("class colour %s has ≥ 3:1 against the boundaries and ≥ 4.5:1 against the labels", (colour) => {
    expect(contrastRatio(colour, BOUNDARY)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(colour, LABEL_TEXT)).toBeGreaterThanOrEqual(4.5);
  });

  it("splits two values into two classes at the roundest number between them: 166,7 | 452,4 → 400", () => {
    const scale = valueScale([452.4, 166.7], 1);
    expect(scale.limits).toEqual([400]);
    expect(scale.labels).toEqual(["under 400", "400 eller fler"]);
  });

  it.each([
    [1166.7, 2285.7, 2000],
    [2285.7, 2290, 2290],
    [2.4, 2.5, 2.5],
    [166.7, 208.3, 200],
    [9, 10, 10],
  ])("puts the limit between %d and %d at %d", (below, above, limit) => {
    expect(roundLimit(below, above)).toBe(limit);
  });

  it("splits the set's values into at most four classes of about equal size", () => {
    // Sorted: 166,7 208,3 1 166,7 2 285,7 5 666,7 (N = 5, n = 4): limits after the 1st, 3rd and 4th value.
    expect(classLimits([2285.7, 5666.7, 1166.7, 166.7, 208.3])).toEqual([200, 2000, 5000]);
    // Ties count once: {3, 3, 3, 8} has two distinct values, so two classes.
    expect(classLimits([3, 3, 3, 8])).toEqual([8]);
    expect(classLimits([5, 5])).toEqual([]);
  });
});

describe("areaMaps", () => {
  it("draws one map per category group plus the trend map", () => {
    const ids = maps(render()).map((m) => /id="([^"]+)-titel"/.exec(m)?.[1]);
    expect(ids).toEqual(["karta-offentlig-miljo", "karta-vald", "karta-trend"]);
  });

  it("gives every map role img, a title and a description, both referenced by aria-labelledby", () => {
    for (const svg of maps(render())) {
      const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
      const root = doc.documentElement!;
      expect(root.getAttribute("role")).toBe("img");
      const [titleId, descId] = root.getAttribute("aria-labelledby")!.split(" ");
      expect(root.getElementsByTagName("title")[0]?.getAttribute("id")).toBe(titleId);
      expect(root.getElementsByTagName("desc")[0]?.getAttribute("id")).toBe(descId);
      expect(root.getElementsByTagName("desc")[0]?.textContent).toMatch(/Centrum .+; Ljusne .+\.$/);
    }
  });

  it("colours skadegörelse by the 12-month rate on the brott maps' one scale: Centrum 2 285,7 third class, Ljusne 5 666,7 darkest", () => {
    const svg = mapById(render(), "karta-offentlig-miljo");
    expect(fillOf(svg, "centrum")).toBe(SEQUENTIAL[3]![2]);
    expect(fillOf(svg, "ljusne")).toBe(SEQUENTIAL[3]![3]);
    expect(svg).toContain("<tspan>Centrum</tspan><tspan");
    expect(svg).toContain(">2\u00a0285,7</tspan>");
  });

  it("uses the same scale on the other brott map: Centrum's misshandel 1 166,7 in the second class", () => {
    expect(fillOf(mapById(render(), "karta-vald"), "centrum")).toBe(SEQUENTIAL[3]![1]);
  });

  it("draws one legend for the set, above its maps, with the shared classes and the rate's period", () => {
    const markup = render();
    const legends = [...markup.matchAll(/<div class="map-legend">[\s\S]*?<\/div>/g)].map((m) => m[0]);
    // One for the brott set, one for the trend map.
    expect(legends).toHaveLength(2);
    expect(legends[0]).toContain("Teckenförklaring: polisanmälda brott per 100 000 invånare under de senaste 12 månaderna");
    expect([...legends[0]!.matchAll(/<li>[\s\S]*?<\/svg> ([^<]*)<\/li>/g)].map((m) => m[1])).toEqual([
      "under 200",
      "200 till under 2\u00a0000",
      "2\u00a0000 till under 5\u00a0000",
      "5\u00a0000 eller fler",
      "randat: färre än 3 i någon kategori, så siffran redovisas bara som intervall eller inte alls",
    ]);
    expect(markup.indexOf(legends[0]!)).toBeLessThan(markup.indexOf('<svg class="map"'));
  });

  it("gives every group map a visible title above it: the group, then what is counted and over which months", () => {
    const markup = render();
    expect(markup).toContain(
      '<figcaption><span class="map-title">Våld och hot</span> <span class="map-subtitle">polisanmälda brott per 100 000 invånare under de senaste 12 månaderna, april 2023–mars 2024</span></figcaption>\n<svg class="map"',
    );
  });

  it("hatches an area whose published range 166,7–208,3 spans two classes, and labels it with the range", () => {
    const svg = mapById(render(), "karta-vald");
    expect(fillOf(svg, "ljusne")).toBe("url(#karta-raster)");
    expect(svg).toMatch(/<tspan>Ljusne<\/tspan><tspan[^>]*>166,7–208,3<\/tspan>/);
  });

  it("shows the trend verdict with a pattern-free fill, a symbol and words", () => {
    const svg = mapById(render(), "karta-trend");
    expect(fillOf(svg, "centrum")).toBe("#ffffff");
    expect(svg).toMatch(/<tspan>Centrum<\/tspan><tspan[^>]*>● normal<\/tspan>/);
    expect(svg).toContain("Centrum inom normal variation");
  });

  it("puts the same numbers in a real table, listing Okänt område as not on the map", () => {
    const markup = render();
    const table = /<table class="figures">\n<caption id="karta-offentlig-miljo-tabell">[\s\S]*?<\/table>/.exec(markup)![0];
    expect(table).toContain('<th scope="col">Per 100 000 invånare, senaste 12 mån</th>');
    expect(table).toContain('<tr><th scope="row">Centrum</th><td class="num">96</td><td class="num">2\u00a0285,7</td></tr>');
    expect(table).toContain('<tr><th scope="row">Ljusne</th><td class="num">136</td><td class="num">5\u00a0666,7</td></tr>');
    // Okänt område: 11 · 0 + 7 = 7 in the last 12 months, no population.
    expect(table).toContain('<tr><th scope="row">Okänt område (visas inte på kartan)</th><td class="num">7</td><td class="num">uppgift saknas</td></tr>');
  });

  it("writes each map's table once (issue 20: no print-only copy), in a <details> that print opens", () => {
    const markup = render();
    const ids = maps(markup).map((svg) => /<svg class="map"[^>]*aria-labelledby="([^ "]+)-titel/.exec(svg)![1]!);
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) expect(markup.split(`<caption id="${id}-tabell">`).length - 1).toBe(1);
    expect(markup).not.toContain('class="print-only"');
    expect(markup.match(/<details class="chart-data map-table">/g)).toHaveLength(ids.length);
    // The print stylesheet shows the closed <details>' content (checked in Chromium 156 with
    // emulateMedia("print"): every map table visible, none on screen).
    const css = readFileSync(new URL("../../../src/render/assets/style.css", import.meta.url), "utf8");
    expect(css).toMatch(/@media print \{[^@]*details\.map-table::details-content \{ content-visibility: visible;/);
  });

  it("draws only the areas' shapes: no point, line or circle of its own in any map", () => {
    for (const svg of maps(render())) {
      const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
      const tags = new Set(Array.from(doc.getElementsByTagName("*")).map((e) => e.tagName));
      expect([...tags].sort()).toEqual(["desc", "g", "svg", "text", "title", "tspan", "use"]);
    }
  });

  it("is byte-identical when rendered twice", () => {
    expect(render()).toBe(render());
  });
});

describe("groupMaps with a hidden 12-month sum in a group", () => {
  const ljusneVald = (ind: Indicators) => {
    for (const area of ind.areas) for (const e of area.incidents) if (e.group !== null) e.group = "vald";
    return groupMaps(ind, [{ id: "vald", name: "Våld" }], new Set(["centrum", "ljusne"]), 3)[0]!.areas.find((a) => a.id === "ljusne")!;
  };

  it("gives the range its published months allow: 136 shown + (0·10 + 3 + 1–2) = 140–141, i.e. 5 833,3–5 875,0 per 100 000", () => {
    const ljusne = ljusneVald(hideLjusneMisshandel(sampleIndicators()));
    expect(ljusne.state).toBe("hidden");
    expect(ljusne.range).toEqual({ lo: 140, hi: 141, mappedLo: 5833.3, mappedHi: 5875 });
    expect(ljusne.text).toBe("5\u00a0833,3–5\u00a0875,0");
  });

  it("reads 'döljs' when one of the months is hidden to protect another (it may be 0 or large)", () => {
    const ind = hideLjusneMisshandel(sampleIndicators());
    const e = ind.areas.find((a) => a.id === "ljusne")!.incidents.find((i) => i.category === "misshandel")!;
    e.series[23] = { ...e.series[23]!, count: null, suppressed: "protects" };
    expect(ljusneVald(ind)).toMatchObject({ state: "fewer", range: null, text: "döljs" });
  });

  it("reads 'uppgift saknas' when a category's 12-month sum is unavailable", () => {
    const ind = sampleIndicators();
    const e = ind.areas.find((a) => a.id === "ljusne")!.incidents.find((i) => i.category === "skadegorelse")!;
    e.rolling_12m = { ...e.rolling_12m, count: null };
    expect(ljusneVald(ind)).toMatchObject({ state: "unavailable", text: "uppgift saknas" });
  });
});
