/**
 * Points → areas on hand-made squares (test/fixtures/geo/squares.ts): either side of a shared
 * boundary, exactly on it (the documented rule: the first area in config order whose closed polygon
 * holds the point), in a hole, on an island part, and outside every area.
 */
import { describe, expect, it } from "vitest";
import { buildPointAssigner } from "../../../src/geo/assign-point.ts";
import { parseAreaMap } from "../../../src/geo/load-areas-geojson.ts";
import { AREAS, E0, MAP_CONFIG, N0, squaresCollection } from "../../fixtures/geo/squares.ts";

const assigner = (areas = AREAS) =>
  buildPointAssigner(parseAreaMap({ ...MAP_CONFIG, areas }, JSON.stringify(squaresCollection()), "data/omraden.geojson", "0".repeat(64)));
const at = (e: number, n: number): [number, number] => [E0 + e, N0 + n];

describe("buildPointAssigner", () => {
  it.each([
    ["well inside the western square", 500, 500, "vaster"],
    ["10 cm west of the shared boundary", 999.9, 500, "vaster"],
    ["10 cm east of the shared boundary", 1000.1, 500, "oster"],
    ["well inside the eastern square", 1500, 500, "oster"],
    ["on the eastern area's island (its second polygon)", 3100, 3100, "oster"],
  ])("puts a point %s in its area", (_what, e, n, expected) => {
    expect(assigner()(at(e, n))).toBe(expected);
  });

  it("gives a point exactly on the shared boundary to the first area in config order", () => {
    expect(assigner()(at(1000, 500))).toBe("vaster");
  });

  it("gives the same boundary point to the other area when the config lists it first", () => {
    expect(assigner([AREAS[1]!, AREAS[0]!])(at(1000, 500))).toBe("oster");
  });

  it("puts a point in the lake (a hole) in no area", () => {
    expect(assigner()(at(300, 300))).toBeNull();
  });

  it("counts a point on the lake's shore as in the area (the polygon is closed)", () => {
    expect(assigner()(at(200, 300))).toBe("vaster");
  });

  it("puts a point outside every polygon in no area", () => {
    expect(assigner()(at(2500, 500))).toBeNull();
  });
});
