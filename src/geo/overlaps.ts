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

/**
 * Area of the intersection of two bounding boxes [minE, minN, maxE, maxN] (0 when they are apart or
 * only touch). The two polygons' common part lies inside both boxes, so it can never be larger: a pair
 * whose boxes share less than OVERLAP_TOLERANCE_M2 cannot overlap by the tolerance and needs no
 * intersection. Neighbours whose boxes only touch along an edge (a grid of squares, RegSO/DeSO cut
 * along straight streets) then cost nothing, instead of ~0.4 ms of polyclip each (issue 20: 0.5 s of a
 * cold run at 312 areas, where every pair of neighbours' boxes touch). Boxes that share ground still go
 * through the exact intersection, so what is found is unchanged.
 */
function sharedBoxArea(a: AreaShape["bbox"], b: AreaShape["bbox"]): number {
  const width = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const height = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return width > 0 && height > 0 ? width * height : 0;
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
      if (sharedBoxArea(a.bbox, b.bbox) < OVERLAP_TOLERANCE_M2) continue;
      const shared = intersect({ type: "FeatureCollection", features: [asFeature(a), asFeature(b)] });
      if (shared === null) continue;
      const squareMetres = planarArea(shared.geometry);
      if (squareMetres >= OVERLAP_TOLERANCE_M2) out.push({ a, b, squareMetres });
    }
  }
  return out;
}
