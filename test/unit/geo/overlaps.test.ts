/**
 * findOverlaps (geo/overlaps.ts) skips a pair whose bounding boxes share less than the tolerance
 * (issue 20): these tests hold it to hand-worked areas and to the check without that skip (every pair
 * whose boxes meet at all, through @turf/intersect, as before), over random overlapping polygons.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { intersect } from "@turf/intersect";
import { polygonArea } from "d3-polygon";
import type { Position } from "geojson";
import { bboxOf, type AreaShape, type Ring } from "../../../src/geo/area-shapes.ts";
import { findOverlaps, OVERLAP_TOLERANCE_M2 } from "../../../src/geo/overlaps.ts";

function shape(id: string, ring: Array<[number, number]>): AreaShape {
  const closed = [...ring, ring[0]!] as Ring;
  const polygons = [[closed]];
  return { id, feature: `features (id "${id}")`, polygons, bbox: bboxOf(polygons) };
}
const rect = (id: string, e: number, n: number, w: number, h: number) =>
  shape(id, [[e, n], [e + w, n], [e + w, n + h], [e, n + h]]);

/** The check before issue 20's skip: every pair whose boxes meet (touching included) is intersected. */
function everyPair(shapes: AreaShape[]): Array<[string, string, number]> {
  const out: Array<[string, string, number]> = [];
  for (let i = 0; i < shapes.length; i++) {
    for (let j = i + 1; j < shapes.length; j++) {
      const a = shapes[i]!;
      const b = shapes[j]!;
      const meet = a.bbox[0] <= b.bbox[2] && b.bbox[0] <= a.bbox[2] && a.bbox[1] <= b.bbox[3] && b.bbox[1] <= a.bbox[3];
      if (!meet) continue;
      const shared = intersect({
        type: "FeatureCollection",
        features: [a, b].map((s) => ({ type: "Feature" as const, properties: {}, geometry: { type: "MultiPolygon" as const, coordinates: s.polygons } })),
      });
      if (shared === null) continue;
      const polys: Position[][][] = shared.geometry.type === "Polygon" ? [shared.geometry.coordinates] : shared.geometry.coordinates;
      let m2 = 0;
      for (const rings of polys) rings.forEach((r, k) => (m2 += (k === 0 ? 1 : -1) * Math.abs(polygonArea(r as Array<[number, number]>))));
      if (m2 >= OVERLAP_TOLERANCE_M2) out.push([a.id, b.id, m2]);
    }
  }
  return out;
}
const found = (shapes: AreaShape[]) => findOverlaps(shapes).map((o): [string, string, number] => [o.a.id, o.b.id, o.squareMetres]);

describe("findOverlaps", () => {
  it("finds the overlap worked out by hand and nothing between squares that share an edge or a corner", () => {
    // a 10 × 10 square; b shares a's east edge; c shares a's north-east corner; d covers a's
    // north-west 2 m × 3 m (6 m²); e, 0.5 m wide along the a–b edge, reaches 0.5 m × 1 m into a
    // (0.5 m², under the 1 m² tolerance) and only touches b.
    const a = rect("a", 1000, 2000, 10, 10);
    const b = rect("b", 1010, 2000, 10, 10);
    const c = rect("c", 1010, 2010, 10, 10);
    const d = rect("d", 998, 2007, 4, 6);
    const e = rect("e", 1009.5, 1990, 0.5, 11);
    const overlaps = found([a, b, c, d, e]);
    expect(overlaps.map(([x, y]) => `${x}-${y}`)).toEqual(["a-d"]);
    expect(overlaps[0]![2]).toBeCloseTo(6, 9);
    // Moved 1 m east, e covers 1010–1010.5 × 2000–2001 of b instead (0.5 m²) and 0.5 × 1 of a — a
    // box-shared area of 0.5 m² each, skipped; 2 m wide it shares 1.5 × 1 m with b, found.
    expect(found([a, b, rect("e", 1010, 1990, 0.5, 11)])).toEqual([]);
    expect(found([a, b, rect("e", 1009.5, 1990, 2, 11)]).map(([x, y, m2]) => `${x}-${y} ${m2.toFixed(3)}`)).toEqual(["b-e 1.500"]);
  });

  it("a grid of touching squares (the bench's 312 areas) has no overlap", () => {
    const cells: AreaShape[] = [];
    for (let r = 0; r < 6; r++) for (let k = 0; k < 6; k++) cells.push(rect(`g${r}-${k}`, 553_000 + 633 * k, 6_792_800 + 800 * r, 633, 800));
    expect(found(cells)).toEqual([]);
    expect(everyPair(cells)).toEqual([]);
  });

  it("equals the check without the box skip on random polygons, touching, apart and overlapping by any amount", () => {
    // Convex quadrilaterals on a coarse lattice (so edges and corners are often shared exactly) with
    // sizes from 0.5 m, so overlaps under, at and over the tolerance all occur.
    const quad = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(0.5, 1, 2));
    fc.assert(
      fc.property(fc.array(quad, { minLength: 2, maxLength: 8 }), (quads) => {
        const shapes = quads.map(([e, n, w, h, skew, unit], i) =>
          shape(`q${i}`, [[e * unit, n * unit], [(e + w) * unit, n * unit], [(e + w + skew) * unit, (n + h) * unit], [(e + skew) * unit, (n + h) * unit]]),
        );
        const got = found(shapes);
        const want = everyPair(shapes);
        expect(got.map(([a, b]) => `${a}-${b}`)).toEqual(want.map(([a, b]) => `${a}-${b}`));
        got.forEach(([, , m2], k) => expect(m2).toBeCloseTo(want[k]![2], 6));
      }),
      { numRuns: 300, seed: 20 },
    );
  });
});
