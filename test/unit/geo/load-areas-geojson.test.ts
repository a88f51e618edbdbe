/**
 * `areas_geojson` validation: every broken file ends as a config error (exit 2) under the key path
 * `areas_geojson` that names the feature and says what to fix; an area without a polygon is a warning.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LagesbildError } from "../../../src/core/errors.ts";
import { buildPointAssigner } from "../../../src/geo/assign-point.ts";
import { parseAreaMap } from "../../../src/geo/load-areas-geojson.ts";
import { wgs84ToSweref } from "../../../src/geo/crs.ts";
import { AREAS, E0, feature, MAP_CONFIG, N0, square, squaresCollection, SWEREF_CRS } from "../../fixtures/geo/squares.ts";

const FILE = "data/omraden.geojson";
const parse = (json: unknown, areas = AREAS) => parseAreaMap({ ...MAP_CONFIG, areas }, typeof json === "string" ? json : JSON.stringify(json), FILE, "0".repeat(64));

/** The error's message, asserting it is a config error with exit code 2. */
function errorOf(json: unknown, areas = AREAS): string {
  try {
    parse(json, areas);
  } catch (error) {
    expect(error).toBeInstanceOf(LagesbildError);
    expect((error as LagesbildError).exitCode).toBe(2);
    return (error as LagesbildError).message;
  }
  throw new Error("expected an error");
}

const withFeatures = (...features: unknown[]) => ({ type: "FeatureCollection", crs: SWEREF_CRS, features });
const western = (coordinates: unknown) => feature("vaster", { type: "Polygon", coordinates });
const eastern = feature("oster", { type: "Polygon", coordinates: [square(1000, 0, 2000, 1000)] });

describe("parseAreaMap: a valid file", () => {
  it("returns both areas in config order with their polygons in SWEREF 99 TM", () => {
    const map = parse(squaresCollection());
    expect(map.shapes.map((s) => [s.id, s.polygons.length, s.polygons[0]!.length])).toEqual([
      ["vaster", 1, 2],
      ["oster", 2, 1],
    ]);
    expect(map.shapes[0]!.bbox).toEqual([E0, N0, E0 + 1000, N0 + 1000]);
    expect(map.warnings).toEqual([]);
  });

  it("warns, naming the area, when an area of the config has no feature", () => {
    const map = parse(squaresCollection(), [...AREAS, { id: "norr", name: "Norr" }]);
    expect(map.warnings).toEqual([expect.stringMatching(/^areas_geojson: området Norr \(norr\) har ingen polygon/)]);
  });

  it("reads a file without crs as WGS 84 longitude/latitude (RFC 7946) and projects it", () => {
    // A box of 0.1° × 0.05° around Ljusdal; the point in its middle must land in it, one 0.1° east must not.
    const box = [[16.0, 61.8], [16.1, 61.8], [16.1, 61.85], [16.0, 61.85], [16.0, 61.8]];
    const map = parse({ type: "FeatureCollection", features: [feature("vaster", { type: "Polygon", coordinates: [box] })] }, [AREAS[0]!]);
    const assign = buildPointAssigner(map);
    expect(assign(wgs84ToSweref(16.05, 61.825))).toBe("vaster");
    expect(assign(wgs84ToSweref(16.15, 61.825))).toBeNull();
  });
});

describe("parseAreaMap: errors name the feature", () => {
  it("rejects an id the config does not have", () => {
    const message = errorOf(withFeatures(western([square(0, 0, 1000, 1000)]), feature("soder", { type: "Polygon", coordinates: [square(0, -1000, 1000, 0)] })));
    expect(message).toContain('areas_geojson: features[1] (id "soder"): okänt område-id (områdena i konfigurationen: vaster, oster)');
  });

  it("rejects a feature without an id", () => {
    expect(errorOf(withFeatures(feature(undefined, { type: "Polygon", coordinates: [square(0, 0, 1, 1)] })))).toContain("areas_geojson: features[0]: egenskapen id saknas");
  });

  it("rejects a ring that is not closed", () => {
    const open = square(0, 0, 1000, 1000).slice(0, 4).concat([[E0 + 10, N0]]);
    expect(errorOf(withFeatures(western([open]), eastern))).toContain('features[0] (id "vaster"), yttre ringen: ringen är inte sluten');
  });

  it("rejects a ring with fewer than four positions", () => {
    const triangle = [[E0, N0], [E0 + 1000, N0], [E0, N0]];
    expect(errorOf(withFeatures(western([triangle]), eastern))).toContain('features[0] (id "vaster"), yttre ringen: ringen har 3 positioner, minst 4 behövs');
  });

  it("rejects a non-finite number (JSON 1e999 parses as Infinity)", () => {
    const text = JSON.stringify(withFeatures(western([square(0, 0, 1000, 1000)]), eastern)).replace(String(E0 + 1000), "1e999");
    expect(errorOf(text)).toContain('features[0] (id "vaster"), yttre ringen: ringen innehåller ett tal som inte är ändligt');
  });

  it("rejects a self-intersecting ring (a bow tie), saying where it crosses", () => {
    // Corners in the order SW, NE, SE, NW: the two diagonals cross at the square's centre (500, 500).
    const bowTie = [[E0, N0], [E0 + 1000, N0 + 1000], [E0 + 1000, N0], [E0, N0 + 1000], [E0, N0]];
    expect(errorOf(withFeatures(western([bowTie]), eastern))).toContain('features[0] (id "vaster"): ringen korsar sig själv (eller ett hål korsar den yttre ringen) nära E 560 500, N 6 800 500');
  });

  it("rejects a hole that pokes out through the outer ring", () => {
    expect(errorOf(withFeatures(western([square(0, 0, 1000, 1000), square(800, 200, 1200, 400).reverse()]), eastern))).toContain('features[0] (id "vaster"): ringen korsar sig själv');
  });

  it("rejects two areas that overlap, with the overlap's size worked out by hand (100 m × 1 000 m)", () => {
    const overlapping = feature("oster", { type: "Polygon", coordinates: [square(900, 0, 2000, 1000)] });
    expect(errorOf(withFeatures(western([square(0, 0, 1000, 1000)]), overlapping))).toContain(
      'areas_geojson: features[0] (id "vaster") och features[1] (id "oster") överlappar (ungefär 100 000 m²)',
    );
  });

  it("accepts two areas that only share a boundary", () => {
    expect(parse(withFeatures(western([square(0, 0, 1000, 1000)]), eastern)).shapes).toHaveLength(2);
  });

  it("rejects a file in SWEREF 99 TM metres without crs (read as degrees, it lies outside Sweden)", () => {
    const { crs: _crs, ...noCrs } = withFeatures(western([square(0, 0, 1000, 1000)]), eastern);
    expect(errorOf(noCrs)).toContain('features[0] (id "vaster"): koordinaterna ligger utanför Sverige; filen saknar crs');
  });

  it("rejects SWEREF 99 TM positions written north first", () => {
    const swapped = square(0, 0, 1000, 1000).map(([e, n]) => [n, e]);
    expect(errorOf(withFeatures(western([swapped]), eastern))).toContain("står öst (E) före nord (N)");
  });

  it("rejects a crs other than WGS 84 and SWEREF 99 TM", () => {
    const rt90 = { ...withFeatures(eastern), crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::3021" } } };
    expect(errorOf(rt90)).toContain("areas_geojson: okänt crs");
  });

  it("rejects a Point geometry", () => {
    expect(errorOf(withFeatures(feature("vaster", { type: "Point", coordinates: [E0, N0] })))).toContain("areas_geojson: features[0].geometry.type: geometrin måste vara Polygon eller MultiPolygon");
  });

  it("rejects text that is not JSON", () => {
    expect(errorOf("{ inte json")).toContain(`areas_geojson: ${FILE} är inte giltig JSON`);
  });

  describe("with cache_dir: a clean overlap check remembered by the file's hash (issue 20)", () => {
    const clean = () => withFeatures(western([square(0, 0, 1000, 1000)]), eastern);
    const overlapping = () => withFeatures(western([square(0, 0, 1000, 1000)]), feature("oster", { type: "Polygon", coordinates: [square(900, 0, 2000, 1000)] }));
    const cached = (json: unknown, sha: string, cacheDir: string, areas = AREAS) => parseAreaMap({ ...MAP_CONFIG, areas }, JSON.stringify(json), FILE, sha, cacheDir);

    it("skips the check only for the same file hash and the same areas, and never remembers an overlap", () => {
      const cacheDir = mkdtempSync(path.join(tmpdir(), "lagesbild-overlap-"));
      try {
        const [a, b] = ["a".repeat(64), "b".repeat(64)];
        // An overlapping file is rejected and leaves nothing behind: the same hash is checked again.
        expect(() => cached(overlapping(), a, cacheDir)).toThrow(/överlappar/);
        expect(() => cached(overlapping(), a, cacheDir)).toThrow(/överlappar/);
        expect(existsSync(path.join(cacheDir, "areas-overlap-check.json"))).toBe(false);
        expect(cached(clean(), b, cacheDir).shapes).toHaveLength(2);
        expect(existsSync(path.join(cacheDir, "areas-overlap-check.json"))).toBe(true);
        // Under the clean file's hash the check is not run: these bytes would fail it. (In a run the hash
        // is of the bytes themselves, so this pairing cannot happen; it shows the check was skipped.)
        expect(cached(overlapping(), b, cacheDir).shapes).toHaveLength(2);
        // Another hash, or the same file with another set of areas, is checked afresh.
        expect(() => cached(overlapping(), a, cacheDir)).toThrow(/överlappar/);
        expect(() => cached(withFeatures(...overlapping().features, feature("norr", { type: "Polygon", coordinates: [square(0, 1000, 1000, 2000)] })), b, cacheDir, [...AREAS, { id: "norr", name: "Norr" }])).toThrow(/överlappar/);
      } finally {
        rmSync(cacheDir, { recursive: true, force: true });
      }
    });
  });
});
