/**
 * The maps of section 3 from the hand-made indicators (test/helpers/sample-indicators.ts) on the
 * hand-made squares (test/fixtures/geo/squares.ts: centrum west, ljusne east). Expected figures are
 * worked out by hand from the fixture: centrum skadegörelse 19 / 4 200 · 100 000 = 452,4, ljusne
 * 4 / 2 400 · 100 000 = 166,7; centrum misshandel 5 / 4 200 · 100 000 = 119,0, ljusne's hidden.
 */
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { parseAreaMap } from "../../src/geo/load-areas-geojson.ts";
import { areaMaps } from "../../src/render/area-maps.ts";
import { contrastRatio } from "../../src/render/chart-palette.ts";
import { groupMaps } from "../../src/render/map-data.ts";
import { BOUNDARY, LABEL_TEXT, SEQUENTIAL, valueScale } from "../../src/render/map-scale.ts";
import type { ReportView } from "../../src/render/section-types.ts";
import { feature, square, SWEREF_CRS } from "../fixtures/geo/squares.ts";
import { sampleConfig, sampleIndicators } from "../helpers/sample-indicators.ts";

const GEOJSON = {
  type: "FeatureCollection",
  crs: SWEREF_CRS,
  features: [
    feature("centrum", { type: "Polygon", coordinates: [square(0, 0, 1000, 1000), square(200, 200, 400, 400).reverse()] }),
    feature("ljusne", { type: "Polygon", coordinates: [square(1000, 0, 2000, 1000)] }),
  ],
};

function render(): string {
  const config = sampleConfig();
  const areaMap = parseAreaMap(config, JSON.stringify(GEOJSON), "data/omraden.geojson", "0".repeat(64));
  const ind = sampleIndicators();
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

  it("splits 0–452,4 into three classes at the round limits 200 and 400", () => {
    const scale = valueScale([452.4, 166.7], 1);
    expect(scale.limits).toEqual([200, 400]);
    expect(scale.labels).toEqual(["under 200", "200 till under 400", "400 eller fler"]);
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

  it("colours skadegörelse by the month's rate: Centrum 452,4 darkest, Ljusne 166,7 lightest", () => {
    const svg = mapById(render(), "karta-offentlig-miljo");
    expect(fillOf(svg, "centrum")).toBe(SEQUENTIAL[2]![2]);
    expect(fillOf(svg, "ljusne")).toBe(SEQUENTIAL[2]![0]);
    expect(svg).toContain("<tspan>Centrum</tspan><tspan");
    expect(svg).toContain(">452,4</tspan>");
  });

  it("hatches a suppressed area and labels it färre än 3, never with a colour of the scale", () => {
    const svg = mapById(render(), "karta-vald");
    expect(fillOf(svg, "ljusne")).toBe("url(#karta-raster)");
    expect(svg).toMatch(/<tspan>Ljusne<\/tspan><tspan[^>]*>färre än 3<\/tspan>/);
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
    expect(table).toContain('<th scope="col">Per 100 000 invånare</th>');
    expect(table).toContain('<tr><th scope="row">Centrum</th><td class="num">19</td><td class="num">452,4</td></tr>');
    expect(table).toContain('<tr><th scope="row">Ljusne</th><td class="num">4</td><td class="num">166,7</td></tr>');
    expect(table).toContain('<tr><th scope="row">Okänt område (visas inte på kartan)</th><td class="num">7</td><td class="num">uppgift saknas</td></tr>');
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

describe("groupMaps with a hidden count in a group", () => {
  it("gives the published range: Ljusne 4 shown + 1 hidden (1–2) = 5–6, i.e. 208,3–250,0 per 100 000", () => {
    const ind = sampleIndicators();
    for (const area of ind.areas) for (const e of area.incidents) if (e.group !== null) e.group = "vald";
    const ljusne = groupMaps(ind, [{ id: "vald", name: "Våld" }], new Set(["centrum", "ljusne"]), 3)[0]!.areas.find((a) => a.id === "ljusne")!;
    expect(ljusne.state).toBe("hidden");
    expect(ljusne.range).toEqual({ lo: 5, hi: 6, mappedLo: 208.3, mappedHi: 250 });
    expect(ljusne.text).toBe("208,3–250,0");
  });
});
