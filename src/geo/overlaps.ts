/**
 * Pairs of areas whose polygons overlap. Areas that share a boundary touch but do not overlap; an
 * overlap would make a point inside it belong to two areas, and the map would draw one over the other.
 * The intersection is @turf/intersect's (polyclip-ts), its area d3-polygon's planar area — right in
 * SWEREF 99 TM metres. Overlaps under OVERLAP_TOLERANCE_M2 are floating-point slivers along a shared
 * edge (e.g. from a GIS export that rounded one side), not two areas claiming the same ground.
 */
import { intersect } from "@turf/intersect";
import { polygonArea } from "d3-polygon";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import type { AreaShape } from "./area-shapes.ts";

export const OVERLAP_TOLERANCE_M2 = 1;

export interface Overlap {
  a: AreaShape;
  b: AreaShape;
  squareMetres: number;
}

function boxesMeet(a: AreaShape["bbox"], b: AreaShape["bbox"]): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

const asFeature = (shape: AreaShape): Feature<MultiPolygon> => ({
  type: "Feature",
  properties: {},
  geometry: { type: "MultiPolygon", coordinates: shape.polygons },
});

/** Planar area of a (multi)polygon: outer rings minus holes, whatever their winding. */
function planarArea(geometry: Polygon | MultiPolygon): number {
  const polygons: Position[][][] = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      const a = Math.abs(polygonArea(ring.map((p): [number, number] => [p[0] ?? 0, p[1] ?? 0])));
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

/** Every overlapping pair, in config order (a before b). */
export function findOverlaps(shapes: ReadonlyArray<AreaShape>): Overlap[] {
  const out: Overlap[] = [];
  for (const [i, a] of shapes.entries()) {
    for (const b of shapes.slice(i + 1)) {
      if (!boxesMeet(a.bbox, b.bbox)) continue;
      const shared = intersect({ type: "FeatureCollection", features: [asFeature(a), asFeature(b)] });
      if (shared === null) continue;
      const squareMetres = planarArea(shared.geometry);
      if (squareMetres >= OVERLAP_TOLERANCE_M2) out.push({ a, b, squareMetres });
    }
  }
  return out;
}
