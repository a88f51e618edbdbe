/**
 * `areas_geojson` through the real CLI: a broken polygon file is a config error (exit 2) naming the
 * key path and the feature, before any source is read.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { tempProject } from "../helpers/temp-project.ts";

const CONFIG = `
kommun: { name: Testby, code: "0001" }
areas:
  - { id: centrum, name: Centrum, population: 2000 }
  - { id: norr, name: Norr, population: 1000 }
areas_geojson: ../data/omraden.geojson
categories:
  - { id: skadegorelse, name: Skadegörelse, group: egendom }
sources:
  - id: polis
    kind: incidents
    measure: brott
    path: ../data/*.csv
    categories: { Skadegörelse: skadegorelse }
`;

/** Centrum as a bow tie (its edges cross at E 560 500, N 6 800 500). */
const BOW_TIE = {
  type: "FeatureCollection",
  crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::3006" } },
  features: [
    {
      type: "Feature",
      properties: { id: "centrum" },
      geometry: { type: "Polygon", coordinates: [[[560000, 6800000], [561000, 6801000], [561000, 6800000], [560000, 6801000], [560000, 6800000]]] },
    },
  ],
};

describe("lagesbild validate with a broken areas_geojson", () => {
  it("exits 2 and names the key path and the feature", () => {
    const root = tempProject("lagesbild-geo-", CONFIG, {
      "data/omraden.geojson": JSON.stringify(BOW_TIE),
      "data/a.csv": "occurred_at,category\n2024-03-01,Skadegörelse\n",
    });
    const r = runCli(["validate", "--config", "config/lagesbild.yaml", "--generated-at", "2024-04-02T06:00:00+02:00"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('areas_geojson: features[0] (id "centrum"): ringen korsar sig själv');
  });
});
